import { describe, expect, it } from 'vitest';
import { ifNoneMatchHas, revalidatedJson, taggedJson } from './conditional-get';

const withIfNoneMatch = (value?: string) =>
  new Request('http://horizon.test/', { headers: value ? { 'if-none-match': value } : {} });

describe('conditional GET', () => {
  it('tags equal bodies alike and different bodies differently', () => {
    const a = taggedJson({ points: [{ t: '2024-01-01T00:00:00.000Z', v: 1 }] });
    expect(a.etag).toMatch(/^"[\w-]{27}"$/);
    expect(taggedJson({ points: [{ t: '2024-01-01T00:00:00.000Z', v: 1 }] }).etag).toBe(a.etag);
    expect(taggedJson({ points: [{ t: '2024-01-01T00:00:00.000Z', v: 2 }] }).etag).not.toBe(a.etag);
  });

  it('matches If-None-Match weakly, in a list, or as *', () => {
    const etag = '"abc"';
    expect(ifNoneMatchHas(withIfNoneMatch(), etag)).toBe(false);
    expect(ifNoneMatchHas(withIfNoneMatch('"abc"'), etag)).toBe(true);
    expect(ifNoneMatchHas(withIfNoneMatch('W/"abc"'), etag)).toBe(true);
    expect(ifNoneMatchHas(withIfNoneMatch('"x", "abc"'), etag)).toBe(true);
    expect(ifNoneMatchHas(withIfNoneMatch('*'), etag)).toBe(true);
    expect(ifNoneMatchHas(withIfNoneMatch('"abcd"'), etag)).toBe(false);
    expect(ifNoneMatchHas(withIfNoneMatch('abc'), etag)).toBe(false);
  });

  it('answers 200 with the body, or 304 without it, both revalidated every time', async () => {
    const tagged = taggedJson({ points: [] });
    const fresh = revalidatedJson(withIfNoneMatch(), tagged);
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toEqual({ points: [] });
    expect(Object.fromEntries(fresh.headers)).toMatchObject({
      etag: tagged.etag,
      'cache-control': 'private, no-cache',
      'content-type': 'application/json',
    });
    const unchanged = revalidatedJson(withIfNoneMatch(tagged.etag), tagged);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    expect(unchanged.headers.get('etag')).toBe(tagged.etag);
  });
});
