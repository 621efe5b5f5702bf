// Worker-thread bootstrap: the thread starts in plain JavaScript, registers tsx (as the worker
// process, the CLI and the tests run TypeScript) and then loads the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./group-thread.ts');
