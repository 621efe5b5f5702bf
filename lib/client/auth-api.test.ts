import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './auth-api';

describe('safeReturnPath', () => {
  it('keeps paths on this site and refuses anything that leaves it', () => {
    expect(safeReturnPath('/runs/abc?tab=1')).toBe('/runs/abc?tab=1');
    for (const next of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
      undefined,
    ]) {
      expect(safeReturnPath(next), String(next)).toBe('/');
    }
  });

  it('refuses control characters and backslashes that browsers drop or read as slashes', () => {
    // ?next=%2F%09%2Fevil.test%2Fpwned: the tab vanishes in the URL parser, leaving //evil.test.
    for (const next of [
      '/\t/evil.test/pwned',
      '/\n/x',
      '/\r\n/x',
      '/ok\u0000',
      '/a\\..\\..\\evil',
      '/\u007f/x',
      '/%0A'.replace('%0A', '\n'),
    ]) {
      expect(safeReturnPath(next), JSON.stringify(next)).toBe('/');
    }
  });

  it('answers the path as the URL parser reads it', () => {
    expect(safeReturnPath('/datasets/x/../y?a=1#top')).toBe('/datasets/y?a=1#top');
    expect(safeReturnPath('/runs/%2F%2Fevil')).toBe('/runs/%2F%2Fevil');
    expect(safeReturnPath('/a b')).toBe('/a%20b');
  });
});
