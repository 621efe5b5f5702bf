import { describe, expect, it } from 'vitest';
import { remainingText } from './run-status';

describe('remainingText', () => {
  const start = '2026-01-01T00:00:00.000Z';
  const at = (seconds: number) => Date.parse(start) + seconds * 1000;

  it('carries the measured pace forward', () => {
    // A quarter done in one minute: three more minutes.
    expect(remainingText(0.25, start, at(60))).toBe('about 3 minutes left');
    expect(remainingText(0.5, start, at(20))).toBe('less than a minute left');
    expect(remainingText(0.1, start, at(600))).toBe('about 1.5 hours left');
  });

  it('says nothing before there is a pace to measure, or once done', () => {
    expect(remainingText(0.02, start, at(60))).toBeNull();
    expect(remainingText(0.5, start, at(2))).toBeNull();
    expect(remainingText(1, start, at(60))).toBeNull();
    expect(remainingText(0.5, null, at(60))).toBeNull();
  });
});
