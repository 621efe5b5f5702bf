import { describe, expect, it } from 'vitest';
import { globalLstmText } from './global-lstm';

describe('globalLstmText', () => {
  it('names the series the global LSTM was trained across', () => {
    expect(globalLstmText({ trained: true, series: 3, related: ['east', 'south'], windows: [90, 90, 90] })).toBe(
      'Trained across 3 series: this one and 2 other series of its dataset (east, south).',
    );
    expect(
      globalLstmText({
        trained: true,
        series: 2,
        related: ['b'],
        windows: [1, 1],
        note: '1 related series left out: not daily ("h" is hourly).',
      }),
    ).toBe(
      'Trained across 2 series: this one and 1 other series of its dataset (b). 1 related series left out: not daily ("h" is hourly).',
    );
  });

  it('says why it was not trained', () => {
    const note = 'The global LSTM was not trained: the dataset has no other series to learn from.';
    expect(globalLstmText({ trained: false, series: 1, related: [], windows: [], note })).toBe(note);
  });
});
