// Preloaded into the web process by the soak (NODE_OPTIONS=--import): every
// HORIZON_MEMORY_PROBE_MS (default 10 s) it prints the process's memory split as one line the
// soak reads — V8's heap by space, memory outside it (Buffers, wasm), and RSS — so growth can be
// told apart: a heap that grows after major GCs leaks objects; external/arrayBuffers that grow
// leak Buffers; RSS that grows alone is the allocator keeping freed pages.
import process from 'node:process';
import { setInterval } from 'node:timers';
import v8 from 'node:v8';

const every = Number(process.env.HORIZON_MEMORY_PROBE_MS) || 10_000;
const MB = 1024 * 1024;
const mb = (bytes) => Math.round(bytes / MB);

const timer = setInterval(() => {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((space) => [space.space_name.replace(/_space$/, ''), mb(space.space_used_size)]),
  );
  const line = {
    pid: process.pid,
    rss: mb(usage.rss),
    heapTotal: mb(usage.heapTotal),
    heapUsed: mb(usage.heapUsed),
    external: mb(usage.external),
    arrayBuffers: mb(usage.arrayBuffers),
    spaces,
  };
  process.stdout.write(`[horizon-memory] ${JSON.stringify(line)}\n`);
}, every);
timer.unref();
