// Shared formatting for benchmark reports: aligned tables and human units.
import { readFileSync } from 'node:fs';

/** Columns after the first are right-aligned, numbers being the usual content. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function rate(perSecond: number): string {
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString('en-US') : perSecond.toFixed(1);
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** The process's peak resident set size so far (the kernel's high-water mark). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * CPU time (user + system, ms) the calling thread has used so far, from Linux's
 * /proc/thread-self/stat (in clock ticks of 10 ms: USER_HZ is 100 on every Linux ABI Node runs
 * on); undefined elsewhere. process.cpuUsage() sums every thread of the process instead.
 */
export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses: utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** CPU seconds this process used (user + system) while `f` ran, beside the wall-clock time. */
export async function timed<T>(f: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = await f();
  const cpu = process.cpuUsage(cpuBefore);
  return { value, wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}
