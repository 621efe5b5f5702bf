// Worker-thread entry: fits one group of a run's models (model-group.ts) and posts the result back,
// and an LSTM's progress after each epoch (the run's thread forwards it and answers a cancel by
// ending the thread). The thread has its own module instances, so its own WebAssembly (augurs,
// and tfjs with its own wasm backend when the group has an LSTM).
import { CovariateBlock } from '../covariates';
import type { ComparedModel, TrainProgress } from '../types';
import { fitGroup, type GroupInput, type GroupOutput } from './model-group';
import { serveOnce } from './serve';

serveOnce<GroupInput, GroupOutput, { model: ComparedModel; progress: TrainProgress }>((input, post) => {
  // Posted, a covariate block arrived as its fields alone.
  const { covariates } = input.context;
  const context = covariates ? { ...input.context, covariates: CovariateBlock.revive(covariates) } : input.context;
  return fitGroup({ ...input, context }, (model) => ({ onProgress: (progress) => post({ model, progress }) }));
});
