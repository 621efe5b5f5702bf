// Frequency of a series from its timestamps, and the timestamps a regular series is missing. The
// rules live in lib/forecast/time, shared with the engine's future timestamps and seasons.
export {
  addSteps,
  countGaps,
  firstGap,
  frequencyLabel,
  inferFrequency,
  inferGrid,
  stepsBetween,
  type InferredFrequency,
} from '@/lib/forecast/time';
