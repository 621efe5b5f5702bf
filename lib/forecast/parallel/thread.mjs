// Worker-thread bootstrap (runInThread, threads.ts): the thread starts in plain JavaScript,
// registers tsx (as the worker process, the CLI and the tests run TypeScript) and then loads the
// TypeScript entry its parent named in workerData.entry (a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
