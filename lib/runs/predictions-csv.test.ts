import { describe, expect, it } from 'vitest';
import { predictionsCsv, predictionsFileName } from './predictions-csv';

describe('predictionsCsv', () => {
  it('writes a header and leaves actual empty for future points', () => {
    const csv = predictionsCsv([
      { timestamp: '2024-01-01T00:00:00.000Z', forecast: 1.5, actual: 2, segment: 'test' },
      { timestamp: '2024-01-02T00:00:00.000Z', forecast: -0.25, actual: null, segment: 'future' },
    ]);
    expect(csv).toBe('timestamp,forecast,actual\n2024-01-01T00:00:00.000Z,1.5,2\n2024-01-02T00:00:00.000Z,-0.25,\n');
  });

  it('is just the header without rows', () => {
    expect(predictionsCsv([])).toBe('timestamp,forecast,actual\n');
  });
});

describe('predictionsFileName', () => {
  it('keeps safe characters and replaces the rest', () => {
    expect(predictionsFileName('store_north', 'abc123')).toBe('store_north-abc123-predictions.csv');
    expect(predictionsFileName('Sales (€) "EU"/2024', 'r1')).toBe('Sales-EU-2024-r1-predictions.csv');
    expect(predictionsFileName('***', 'r1')).toBe('series-r1-predictions.csv');
  });
});
