import { describe, expect, it } from 'vitest';
import { calendarFeaturesFor } from '../calendar';
import { syntheticSeries } from '../synthetic';
import { seriesTransform, TRANSFORM_NAMES } from '../transforms';
import { decodeForecasts, inputFeatures, originInputs, trainingWindows, type LstmInputEncoding } from './lstm-inputs';

const series = syntheticSeries({ points: 60, frequency: 'hourly', trend: 0.3 });
const lookback = 6;
const horizon = 3;

const encodings = TRANSFORM_NAMES.flatMap((name) =>
  (['last', 'mean'] as const).map((anchor) => [name, anchor] as const),
);

describe.each(encodings)("LSTM inputs with %s, relative to each window's %s", (name, anchor) => {
  const encoding: LstmInputEncoding = {
    transform: seriesTransform(name, 24),
    calendar: calendarFeaturesFor('hourly'),
    anchor,
  };
  const features = inputFeatures(encoding);
  const { windows, scaler } = trainingWindows(encoding, series.v, lookback, horizon, series.t);

  it('has the value and a sin/cos pair per calendar feature at every step', () => {
    expect(features).toBe(5);
    expect(windows.features).toBe(5);
    expect(windows.count).toBe(60 - encoding.transform.lag - lookback - horizon + 1);
  });

  it('makes the values relative to the anchor: the last one 0, or their mean 0', () => {
    for (const w of [0, 5, windows.count - 1]) {
      const values = Array.from({ length: lookback }, (_, i) => windows.inputs[(w * lookback + i) * features]);
      const anchored = anchor === 'last' ? values[lookback - 1] : values.reduce((a, b) => a + b, 0) / lookback;
      expect(anchored).toBeCloseTo(0, 5);
    }
  });

  it('builds forecast inputs exactly like the training window that ends at the same step', () => {
    const w = 7;
    // Training window w ends at transformed step w + lookback - 1, i.e. series step w + lookback + lag - 1.
    const origin = w + lookback + encoding.transform.lag;
    const { inputs } = originInputs(encoding, scaler, series.v, [origin], lookback, series.t);
    const expected = windows.inputs.subarray(w * lookback * features, (w + 1) * lookback * features);
    Array.from(inputs).forEach((x, i) => expect(x).toBeCloseTo(expected[i], 5));
  });

  it("turns the training window's targets back into the series' next values", () => {
    const w = 11;
    const origin = w + lookback + encoding.transform.lag;
    const { anchors } = originInputs(encoding, scaler, series.v, [origin], lookback, series.t);
    const targets = windows.targets.slice(w * horizon, (w + 1) * horizon);
    const [levels] = decodeForecasts(encoding, scaler, series.v, [origin], targets, anchors);
    levels.forEach((x, k) => expect(x).toBeCloseTo(series.v[origin + k], 3));
  });
});

describe('originInputs', () => {
  it('needs lookback + lag values before an origin, and timestamps for calendar features', () => {
    const encoding: LstmInputEncoding = { transform: seriesTransform('difference', 24), calendar: ['hourOfDay'] };
    const { scaler } = trainingWindows(encoding, series.v, lookback, horizon, series.t);
    expect(() => originInputs(encoding, scaler, series.v, [6], lookback, series.t)).toThrow(
      'Cannot forecast from origin 6: it needs 7 values before it.',
    );
    expect(() => originInputs(encoding, scaler, series.v, [20], lookback)).toThrow('pass the timestamps');
  });
});

describe('LSTM inputs of a series with a time zone', () => {
  it("read the calendar on the zone's wall clock, in training windows and forecast inputs alike", () => {
    const plain: LstmInputEncoding = { transform: seriesTransform('none', 24), calendar: ['hourOfDay'] };
    const zoned: LstmInputEncoding = { ...plain, timeZone: 'Asia/Kolkata' };
    const utc = trainingWindows(plain, series.v, lookback, horizon, series.t);
    const local = trainingWindows(zoned, series.v, lookback, horizon, series.t);
    // Kolkata is UTC+05:30: the hour-of-day inputs (features 1 and 2 of each step) differ, values do not.
    expect(local.windows.inputs[0]).toBeCloseTo(utc.windows.inputs[0], 6);
    expect(local.windows.inputs[1]).not.toBeCloseTo(utc.windows.inputs[1], 3);
    const origin = lookback + 4;
    const { inputs } = originInputs(zoned, local.scaler, series.v, [origin], lookback, series.t);
    const expected = local.windows.inputs.subarray(4 * lookback * 3, 5 * lookback * 3);
    Array.from(inputs).forEach((x, i) => expect(x).toBeCloseTo(expected[i], 5));
  });
});
