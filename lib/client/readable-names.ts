// The engine's identifiers as people read them: transforms, calendar features and TensorFlow.js
// backends. Unknown identifiers (from a newer engine) are shown as they are rather than hidden.
const TRANSFORMS: Record<string, string> = {
  auto: 'Automatic (chosen on validation)',
  none: 'None',
  log: 'Logarithm',
  difference: 'Differences (step to step)',
  seasonalDifference: 'Seasonal differences (season to season)',
};

const CALENDAR_FEATURES: Record<string, string> = {
  hourOfDay: 'hour of day',
  dayOfWeek: 'day of week',
  monthOfYear: 'month of year',
};

const BACKENDS: Record<string, string> = {
  wasm: 'WebAssembly (CPU)',
  cpu: 'JavaScript (CPU)',
  tensorflow: 'TensorFlow native (CPU)',
  webgl: 'WebGL (GPU)',
};

export function transformName(id: string): string {
  return TRANSFORMS[id] ?? id;
}

/** "day of week, month of year", or "none". */
export function calendarFeaturesText(ids: readonly string[]): string {
  return ids.length === 0 ? 'none' : ids.map((id) => CALENDAR_FEATURES[id] ?? id).join(', ');
}

export function backendName(id: string | null | undefined): string {
  if (!id) return '—';
  return BACKENDS[id] ?? id;
}
