// Queue and job names. One queue carries all training; the job name picks the processor
// (worker/processors/<name>.ts).

export const TRAIN_QUEUE = 'training';

export const JOB_NAMES = {
  /** Train one run that already exists (created by POST /api/runs). */
  train: 'train',
  /** Fired by a schedule's job scheduler: create a run on the newest data, then train it. */
  scheduledTrain: 'scheduled-train',
  /**
   * A batch's parent job (lib/batches): once its global LSTM has ended it adds the chunks as its
   * children; once every chunk has ended it stores the batch's outcome.
   */
  batch: 'batch',
  /** A child of a batch, first: train the batch's one global LSTM across all its series. */
  batchGlobal: 'batch-global',
  /** A child of a batch: train the runs of one chunk of its series, one after the other. */
  batchChunk: 'batch-chunk',
} as const;

export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];
