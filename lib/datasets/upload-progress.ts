// Progress of the uploads this web process is importing, so the upload page can show rows parsed
// beside the bytes its browser has sent. Kept in memory: an upload is read by one process from its
// first byte to its last, and progress is worthless once the upload has answered. (Several web
// processes behind one address would need sticky sessions for the poll to find it.)
import { UPLOAD_ID_PATTERN } from '@/lib/api/schemas/datasets';
import type { UploadProgress } from '@/lib/api/schemas/responses';
import type { Scope } from '@/lib/auth/scope';

export type UploadPhase = 'receiving' | 'storing' | 'done' | 'failed';

export type { UploadProgress };

/** What an import reports as it goes. */
export interface ImportProgress {
  rowsParsed(rows: number): void;
  storing(): void;
}

interface Entry {
  /** Only the uploader may read it. */
  userId: string;
  phase: UploadPhase;
  bytesReceived: () => number;
  bytesTotal: number | null;
  rowsParsed: number;
  updatedAt: number;
}

/** A finished upload's progress stays readable this long, for a last poll. */
const KEEP_FINISHED_MS = 5 * 60_000;
/** Bounds memory if clients send many ids: the oldest entries go first. */
const MAX_ENTRIES = 1_000;

// On globalThis: route bundles may each get their own copy of this module.
const registry = ((globalThis as { __horizonUploads?: Map<string, Entry> }).__horizonUploads ??= new Map());

function forgetOld(now: number): void {
  for (const [id, entry] of registry) {
    const finished = entry.phase === 'done' || entry.phase === 'failed';
    if (registry.size > MAX_ENTRIES || (finished && now - entry.updatedAt > KEEP_FINISHED_MS)) registry.delete(id);
  }
}

export { UPLOAD_ID_PATTERN };

/**
 * Runs `work` with progress recorded under `id` (nothing recorded without an id). The phase ends
 * as 'done' or 'failed' with `work`.
 */
export async function trackUpload<T>(
  scope: Scope,
  id: string | undefined,
  source: { bytesReceived(): number; bytesTotal: number | null },
  work: (progress: ImportProgress) => Promise<T>,
): Promise<T> {
  const now = Date.now();
  forgetOld(now);
  const entry: Entry = {
    userId: scope.userId,
    phase: 'receiving',
    bytesReceived: source.bytesReceived,
    bytesTotal: source.bytesTotal,
    rowsParsed: 0,
    updatedAt: now,
  };
  if (id) registry.set(id, entry);
  const set = (change: Partial<Entry>) => Object.assign(entry, change, { updatedAt: Date.now() });
  // The final count is kept, not the upload it was read from.
  const finish = (phase: 'done' | 'failed') => {
    const bytes = entry.bytesReceived();
    set({ phase, bytesReceived: () => bytes });
  };
  try {
    const result = await work({
      rowsParsed: (rows) => set({ rowsParsed: rows }),
      storing: () => set({ phase: 'storing' }),
    });
    finish('done');
    return result;
  } catch (error) {
    finish('failed');
    throw error;
  }
}

/** Null when unknown, finished long ago, or someone else's. */
export function getUploadProgress(scope: Scope, id: string): UploadProgress | null {
  const entry = registry.get(id);
  if (!entry || entry.userId !== scope.userId) return null;
  return {
    id,
    phase: entry.phase,
    bytesReceived: entry.bytesReceived(),
    bytesTotal: entry.bytesTotal,
    rowsParsed: entry.rowsParsed,
    updatedAt: new Date(entry.updatedAt).toISOString(),
  };
}
