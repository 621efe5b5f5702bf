import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './auth-api';

describe('safeReturnPath', () => {
  it('keeps paths on this site and refuses anything that leaves it', () => {
    expect(safeReturnPath('/runs/abc?tab=1')).toBe('/runs/abc?tab=1');
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '', null, undefined]) {
      expect(safeReturnPath(next), String(next)).toBe('/');
    }
  });
});
