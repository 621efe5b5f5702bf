import { describe, expect, it } from 'vitest';
import { flatnessVerdict } from './soak';

describe("the soak's RSS verdict (issue 17: after warm-up, within 15% of minute 5)", () => {
  it('calls RSS that stays within 15% of minute 5 flat', () => {
    expect(flatnessVerdict([300, 380, 400, 410, 420, 430, 440, 450, 460, 470])).toMatch(/\(12% off\): flat/);
  });

  it('calls RSS that keeps growing not flat, and one that drops far too', () => {
    expect(flatnessVerdict([133, 359, 423, 450, 480, 520, 560, 600, 640, 700])).toMatch(/\(46% off\): NOT flat/);
    expect(flatnessVerdict([300, 400, 400, 400, 400, 300])).toMatch(/\(25% off\): NOT flat/);
  });

  it('says nothing before there is a minute after the warm-up', () => {
    expect(flatnessVerdict([300, 380, 400, 410, 420])).toBeNull();
  });
});
