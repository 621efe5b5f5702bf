// Worker-thread entry of a batch's shared global LSTM (trainSharedGlobal, shared-global.ts): trains
// it on this thread's own TensorFlow.js and wasm backend and posts the forecasts back, and the
// progress after each epoch (the parent answers a cancel by ending the thread). The memory the
// training grows (mostly TensorFlow.js's JavaScript garbage: see trainSharedGlobal) goes with the
// thread, instead of staying in the worker process for the runs that follow.
import { initBackend } from '../backend';
import { CovariateBlock } from '../covariates';
import { serveOnce } from '../parallel/serve';
import { SharedGlobalTrainer, type SharedGlobalThreadInput, type SharedGlobalResult } from './shared-global';

serveOnce<SharedGlobalThreadInput, SharedGlobalResult, number>(async ({ series, config, options }, progress) => {
  await initBackend();
  // Posted, a covariate block arrived as its fields alone.
  const revived = series.map((s) => (s.covariates ? { ...s, covariates: CovariateBlock.revive(s.covariates) } : s));
  return new SharedGlobalTrainer(revived, config, { ...options, onProgress: progress }).train();
});
