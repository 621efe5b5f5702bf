// Memory of a process and its children, from /proc: sampled RSS while something runs (its peak),
// and VmHWM, the kernel's own record of each process's peak.
import { readFileSync } from 'node:fs';

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // The process is gone.
  }
}

/** The pid and its descendants (next start may run its server in a child). */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    try {
      const children = readFileSync(`/proc/${tree[i]}/task/${tree[i]}/children`, 'utf8').trim();
      if (children) tree.push(...children.split(/\s+/).map(Number));
    } catch {
      // Gone meanwhile.
    }
  }
  return tree;
}

/** The largest VmHWM in the tree, in bytes. */
export function peakRssOfTree(pid: number): number {
  return Math.max(...processTree(pid).map((p) => statusKb(p, 'VmHWM'))) * 1024;
}

/** The tree's total RSS now, in bytes. */
export function rssOfTree(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + statusKb(p, 'VmRSS'), 0) * 1024;
}

/** Samples the tree's total RSS every `everyMs` until stopped; `peak` in bytes. */
export function sampleRss(pid: number, everyMs = 50): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    const total = processTree(pid).reduce((sum, p) => sum + statusKb(p, 'VmRSS'), 0) * 1024;
    peak = Math.max(peak, total);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
