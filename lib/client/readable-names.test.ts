import { describe, expect, it } from 'vitest';
import { TRANSFORM_NAMES } from '@/lib/forecast/transforms';
import { CALENDAR_FEATURES } from '@/lib/forecast/calendar';
import { backendName, calendarFeaturesText, transformName } from './readable-names';

describe('readable names', () => {
  it('names every transform and calendar feature the engine has in words, not identifiers', () => {
    for (const id of [...TRANSFORM_NAMES, 'auto']) expect(transformName(id)).not.toBe(id);
    for (const id of CALENDAR_FEATURES) expect(calendarFeaturesText([id])).not.toBe(id);
    expect(transformName('seasonalDifference')).toBe('Seasonal differences (season to season)');
    expect(calendarFeaturesText(['dayOfWeek', 'monthOfYear'])).toBe('day of week, month of year');
    expect(calendarFeaturesText([])).toBe('none');
  });

  it('names backends and keeps an unknown one as it is', () => {
    expect(backendName('wasm')).toBe('WebAssembly (CPU)');
    expect(backendName('quantum')).toBe('quantum');
    expect(backendName(null)).toBe('—');
  });
});
