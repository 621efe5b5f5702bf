// A run's models on more than one thread: see threads.ts and model-group.ts.
export {
  costlierHalf,
  fitGroup,
  mergeBacktests,
  type GroupCallbacks,
  type GroupInput,
  type GroupOutput,
} from './model-group';
export { runInThread, threadsByDefault } from './run-in-thread';
export { fitGroupInThread, type ThreadedGroup } from './threads';
