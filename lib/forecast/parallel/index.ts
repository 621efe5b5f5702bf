// A run's models on more than one thread: see threads.ts and model-group.ts.
export {
  costlierHalf,
  fitGroup,
  mergeBacktests,
  type GroupCallbacks,
  type GroupInput,
  type GroupOutput,
} from './model-group';
export { fitGroupInThread, threadsByDefault, type ThreadedGroup } from './threads';
