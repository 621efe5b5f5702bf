import { describe, expect, it } from 'vitest';
import { searchOutcomeText, searchSettingsText, searchSummaryText, type StoredSearch } from './search';

const chosen = { lookback: 168, units: 32, layers: 1, dropout: 0.1, learningRate: 0.003, transform: 'log' as const };
const search: StoredSearch = {
  chosen,
  fixed: ['units'],
  budgetSeconds: 20,
  elapsedMs: 12_300,
  rungEpochs: [2, 6, 18],
  eta: 3,
  points: 9000,
  validationOrigins: 128,
  outOfTime: true,
  trials: [{ config: chosen, epochs: 6, validationMae: 1.5, loss: 0.01, outcome: 'chosen', rung: 2, ms: 4000 }],
};

describe('search texts', () => {
  it('reads settings, outcomes and the summary as people do', () => {
    expect(searchSettingsText(chosen)).toBe('lookback 168 · 32 units × 1 · dropout 0.1 · rate 0.003 · logarithm');
    expect(searchOutcomeText('kept')).toBe('kept (out of time)');
    const summary = searchSummaryText(search);
    expect(summary).toMatch(/^Chosen from 1 trials by successive halving in 12 s \(budget 20 s\)/);
    expect(summary).toMatch(/Held as set: units\./);
    expect(summary).toMatch(/budget ran out/);
    expect(searchSummaryText({ ...search, trials: [], note: 'Nothing to search.' })).toBe('Nothing to search.');
  });
});
