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
const LEGEND_HEIGHT = 24;

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
  const chartHeight = Math.round(box.height) || Number(svg.getAttribute('height')) || 300;
  const top = legend.length > 0 ? LEGEND_HEIGHT : 0;
  const height = chartHeight + top;

  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!(copy instanceof SVGElement)) return;
    const computed = getComputedStyle(original);
    const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`)
      .filter((rule) => !rule.endsWith(':'))
      .join(';');
    copy.setAttribute('style', style);
    copy.removeAttribute('class');
  });

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

  const text = getComputedStyle(svg).color || '#000000';
  const font = getComputedStyle(svg).fontFamily || 'sans-serif';
  let x = 4;
  for (const item of legend) {
    const color = resolveColor(item.color, svg.parentElement ?? svg);
    const swatch = document.createElementNS(SVG_NS, item.variant === 'area' ? 'rect' : 'line');
    if (item.variant === 'area') {
      swatch.setAttribute('x', String(x));
      swatch.setAttribute('y', '7');
      swatch.setAttribute('width', '16');
      swatch.setAttribute('height', '10');
      swatch.setAttribute('fill', color);
      swatch.setAttribute('fill-opacity', '0.35');
    } else {
      swatch.setAttribute('x1', String(x));
      swatch.setAttribute('x2', String(x + 16));
      swatch.setAttribute('y1', '12');
      swatch.setAttribute('y2', '12');
      swatch.setAttribute('stroke', color);
      swatch.setAttribute('stroke-width', '2.5');
      if (item.variant === 'dashed') swatch.setAttribute('stroke-dasharray', '4 3');
    }
    root.appendChild(swatch);
    const label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('x', String(x + 22));
    label.setAttribute('y', '16');
    label.setAttribute('style', `fill:${text};font-family:${font};font-size:12px`);
    label.textContent = item.label;
    root.appendChild(label);
    x += 22 + item.label.length * 7 + 18;
  }

  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));
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
