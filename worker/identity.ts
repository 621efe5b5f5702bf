// A worker's name in Redis (BullMQ records it on every job it takes, as `processedBy`) says where
// it runs: `host:pid`, or `label@host:pid` with HORIZON_WORKER_NAME=label. That is what lets a
// worker recognise the jobs of a dead predecessor on its own machine (dead-local-workers.ts).
import { hostname } from 'node:os';

export interface WorkerIdentity {
  /** HORIZON_WORKER_NAME, or '' when unset. */
  label: string;
  host: string;
  pid: number;
}

export function currentIdentity(label = process.env.HORIZON_WORKER_NAME ?? ''): WorkerIdentity {
  return { label, host: hostname(), pid: process.pid };
}

export function workerName({ label, host, pid }: WorkerIdentity): string {
  return label ? `${label}@${host}:${pid}` : `${host}:${pid}`;
}

/** Null for names of another shape (workers of older versions, other tools). */
export function parseWorkerName(name: string): WorkerIdentity | null {
  const match = /^(?:(.*)@)?([^@:]+):(\d+)$/.exec(name);
  if (!match) return null;
  return { label: match[1] ?? '', host: match[2], pid: Number(match[3]) };
}
