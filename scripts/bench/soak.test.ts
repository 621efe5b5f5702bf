import { describe, expect, it } from 'vitest';
import { flatnessVerdict } from './soak';

describe("the soak's RSS verdict (issue 17: after warm-up, within 15% of minute 5)", () => {
  it('calls RSS that stays within 15% of minute 5 flat', () => {
    expect(flatnessVerdict([300, 380, 400, 410, 420, 430, 440, 450, 460, 470])).toMatch(
      /\(highest \+12%, lowest -0%\): no growth beyond 15%$/,
    );
  });

  it('calls RSS that keeps growing growth', () => {
    expect(flatnessVerdict([133, 359, 423, 450, 480, 520, 560, 600, 640, 700])).toMatch(
      /\(highest \+46%, lowest -0%\): GROWS beyond 15%$/,
    );
  });

  it('says apart RSS that falls well below minute 5', () => {
    expect(flatnessVerdict([300, 400, 400, 400, 400, 300, 390])).toMatch(
      /\(highest \+0%, lowest -25%\): no growth beyond 15%; fell more than 15% below minute 5/,
    );
  });

  it('says nothing before there is a minute after the warm-up', () => {
    expect(flatnessVerdict([300, 380, 400, 410, 420])).toBeNull();
  });
});
