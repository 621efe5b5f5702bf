// A recharts chart as a file: the chart's <svg> serialised with the styles the page computed for
// it (colours come from CSS variables and classes, which a standalone file cannot resolve), its
// legend drawn above it, on the page's background; PNG by drawing that SVG on a canvas.

export type ChartFormat = 'svg' | 'png';

export interface ExportLegendItem {
  label: string;
  /** Any CSS colour, CSS variables included. */
  color: string;
  variant?: 'line' | 'dashed' | 'area';
}

/** `<parts joined by ->.<ext>`, reduced to characters every filesystem accepts: "north-run-abc123-forecast.png". */
export function chartFileName(parts: readonly (string | null | undefined)[], format: ChartFormat): string {
  const safe = parts
    .filter((part): part is string => !!part)
    .map((part) => part.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  return `${safe.length > 0 ? safe.join('-') : 'chart'}.${format}`;
}

/** Presentation properties copied from the page onto each element of the exported SVG. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Height of one row of the legend drawn above the chart. */
const LEGEND_ROW = 20;
/** Rough width of a legend label's character at 12 px, to wrap the legend into rows. */
const CHAR_WIDTH = 6.6;

function resolveColor(color: string, within: Element): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  within.appendChild(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved;
}

/** The first opaque background colour at or above `element`; white when none is set. */
function backgroundOf(element: Element | null): string {
  for (let node = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return '#ffffff';
}

/**
 * A standalone SVG document of `svg` (a rendered recharts surface) with `legend` above it; returns
 * the text and its size in CSS pixels.
 */
export function serializeChart(
  svg: SVGSVGElement,
  legend: readonly ExportLegendItem[] = [],
): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width) || Number(svg.getAttribute('width')) || 600;
  let chartHeight = Math.round(box.height) || Number(svg.getAttribute('height')) || 300;

  // The page's styles, inlined where they differ from the parent's (inherited ones need no repeat);
  // presentation attributes that name CSS variables go, since a standalone file cannot resolve them.
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!(copy instanceof SVGElement)) return;
    const computed = getComputedStyle(original);
    const parent = original === svg || !original.parentElement ? null : getComputedStyle(original.parentElement);
    const rules: string[] = [];
    for (const property of STYLE_PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (copy.getAttribute(property)?.includes('var(')) copy.removeAttribute(property);
      if (value && (!parent || parent.getPropertyValue(property) !== value)) rules.push(`${property}:${value}`);
    }
    if (rules.length > 0) copy.setAttribute('style', rules.join(';'));
    else copy.removeAttribute('style');
    copy.removeAttribute('class');
    copy.removeAttribute('tabindex');
  });
  // The zoom brush is a control, not part of the picture: cut it off.
  const brush = svg.querySelector<SVGGraphicsElement>('.recharts-brush');
  if (brush) {
    const index = originals.indexOf(brush);
    copies[index]?.remove();
    const top = brush.getBoundingClientRect().top - box.top;
    if (top > 0) chartHeight = Math.round(top) - 4;
  }

  // The legend, wrapped into rows of the chart's width.
  const color = getComputedStyle(svg).color || '#000000';
  const font = getComputedStyle(svg).fontFamily || 'sans-serif';
  const items: { item: ExportLegendItem; x: number; row: number }[] = [];
  let x = 4;
  let row = 0;
  for (const item of legend) {
    const itemWidth = 22 + item.label.length * CHAR_WIDTH + 16;
    if (x > 4 && x + itemWidth > width) {
      x = 4;
      row += 1;
    }
    items.push({ item, x, row });
    x += itemWidth;
  }
  const top = items.length > 0 ? (row + 1) * LEGEND_ROW + 6 : 0;
  const height = chartHeight + top;

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', backgroundOf(svg));
  root.appendChild(background);

  for (const { item, x: left, row: line } of items) {
    const y = line * LEGEND_ROW + 12;
    const swatchColor = resolveColor(item.color, svg.parentElement ?? svg);
    const swatch = document.createElementNS(SVG_NS, item.variant === 'area' ? 'rect' : 'line');
    if (item.variant === 'area') {
      swatch.setAttribute('x', String(left));
      swatch.setAttribute('y', String(y - 5));
      swatch.setAttribute('width', '16');
      swatch.setAttribute('height', '10');
      swatch.setAttribute('fill', swatchColor);
    } else {
      swatch.setAttribute('x1', String(left));
      swatch.setAttribute('x2', String(left + 16));
      swatch.setAttribute('y1', String(y));
      swatch.setAttribute('y2', String(y));
      swatch.setAttribute('stroke', swatchColor);
      swatch.setAttribute('stroke-width', '2.5');
      if (item.variant === 'dashed') swatch.setAttribute('stroke-dasharray', '4 3');
    }
    root.appendChild(swatch);
    const label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('x', String(left + 22));
    label.setAttribute('y', String(y + 4));
    label.setAttribute('style', `fill:${color};font-family:${font};font-size:12px`);
    label.textContent = item.label;
    root.appendChild(label);
  }

  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));
  clone.setAttribute('viewBox', `0 0 ${width} ${chartHeight}`);
  clone.removeAttribute('role');
  root.appendChild(clone);
  return {
    text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`,
    width,
    height,
  };
}

/** The SVG drawn on a canvas at `scale` x its size (sharp on high-density screens), as PNG. */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, svg.width, svg.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be encoded as PNG.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `blob` as `fileName` through a temporary download link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports the chart `svg` as `format` under `fileName`. */
export async function exportChart(
  svg: SVGSVGElement,
  format: ChartFormat,
  fileName: string,
  legend: readonly ExportLegendItem[] = [],
): Promise<void> {
  const serialized = serializeChart(svg, legend);
  const blob =
    format === 'svg'
      ? new Blob([serialized.text], { type: 'image/svg+xml;charset=utf-8' })
      : await svgToPng(serialized);
  downloadBlob(blob, fileName);
}
