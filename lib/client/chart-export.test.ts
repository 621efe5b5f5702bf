import { describe, expect, it } from 'vitest';
import { chartFileName } from './chart-export';

describe('chartFileName', () => {
  it('names series, run and chart, in characters every filesystem accepts', () => {
    expect(chartFileName(['store north', 'run-cmx123', 'forecast'], 'png')).toBe('store-north-run-cmx123-forecast.png');
    expect(chartFileName(['Umsatz/€ (2024)', null, 'loss'], 'svg')).toBe('Umsatz-2024-loss.svg');
    expect(chartFileName(['///', undefined], 'svg')).toBe('chart.svg');
  });
});
