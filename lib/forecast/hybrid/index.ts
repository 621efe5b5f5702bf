export { HybridLstmRun } from './hybrid-lstm';
export {
  adjustValues,
  fitSeasonalAdjustment,
  seasonalAt,
  unadjust,
  type SeasonalAdjustment,
} from './seasonal-adjustment';
