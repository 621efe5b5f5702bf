// What the run page says about the global LSTM: the series it was trained across, or why a run
// that asked for it did not train one.
import type { RunEvaluation } from './types';

export function globalLstmText(info: NonNullable<RunEvaluation['globalLstm']>): string {
  if (!info.trained) return info.note ?? 'Not trained.';
  const others = info.related.length === 1 ? '1 other series' : `${info.related.length} other series`;
  const trained = `Trained across ${info.series} series: this one and ${others} of its dataset (${info.related.join(', ')}).`;
  return info.note ? `${trained} ${info.note}` : trained;
}
