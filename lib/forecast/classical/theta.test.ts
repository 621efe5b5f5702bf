import { describe, expect, it } from 'vitest';
import { fitTheta, isSeasonal } from './theta';
import { AIR_PASSENGERS } from './testdata/air-passengers';

// R 4.2, forecast 8.20: thetaf(AirPassengers, 12)$mean and thetaf(window(AirPassengers, end = c(1958, 12)), 24)$mean.
const R_FULL = [
  440.0782, 428.3843, 489.7071, 475.7046, 479.6704, 545.3663, 602.752, 601.1008, 523.9515, 456.6271, 397.9537, 447.6449,
];
const R_TO_1958 = [
  341.621, 335.5763, 385.4011, 370.1312, 371.1884, 423.5003, 464.3183, 460.8888, 408.7249, 355.7673, 310.4091, 351.4295,
  355.2125, 348.8831, 400.6334, 384.7119, 385.7629, 440.0746, 482.4309, 478.8094, 424.5659, 369.5114, 322.3625,
  364.9192,
];

describe('Theta', () => {
  it("reproduces R's thetaf on AirPassengers (seasonally adjusted SES with half the drift)", () => {
    const model = fitTheta(AIR_PASSENGERS, 12);
    expect(model.seasonal).toBe(true);
    model.forecast(12).forEach((v, h) => expect(v).toBeCloseTo(R_FULL[h], 1));
    fitTheta(AIR_PASSENGERS.slice(0, 120), 12)
      .forecast(24)
      .forEach((v, h) => expect(v).toBeCloseTo(R_TO_1958[h], 1));
  });

  it('adjusts seasonally only when the seasonal autocorrelation is significant', () => {
    expect(isSeasonal(AIR_PASSENGERS, 12)).toBe(true);
    const line = Array.from({ length: 60 }, (_, t) => 10 + t);
    expect(isSeasonal(line, 12)).toBe(false);
    // Without a season, Theta is SES plus half the slope: on a straight line it continues at half the slope.
    const model = fitTheta(line, 12);
    expect(model.seasonal).toBe(false);
    const [a, b] = model.forecast(2);
    expect(b - a).toBeCloseTo(0.5, 6);
  });

  it('adjusts additively a seasonal series that is not positive everywhere', () => {
    const y = Array.from({ length: 96 }, (_, t) => 3 * Math.sin((2 * Math.PI * t) / 12) + 0.01 * t);
    const model = fitTheta(y, 12);
    expect(model.seasonal).toBe(true);
    model
      .forecast(12)
      .forEach((v, h) => expect(v).toBeCloseTo(3 * Math.sin((2 * Math.PI * (96 + h)) / 12) + 0.01 * (96 + h), 0));
  });
});
