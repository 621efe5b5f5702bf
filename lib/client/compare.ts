// Column logic of the comparison tables: which run is best on a metric, which settings differ.

/** Indexes holding the lowest finite value (ties all win); empty when no value is finite. */
export function lowestIndexes(values: readonly (number | null | undefined)[]): Set<number> {
  let best = Infinity;
  for (const value of values) if (typeof value === 'number' && Number.isFinite(value) && value < best) best = value;
  const winners = new Set<number>();
  if (best === Infinity) return winners;
  values.forEach((value, index) => {
    if (value === best) winners.add(index);
  });
  return winners;
}

/** True when the rows do not all hold the same value (compared as JSON, so null ≠ 0). */
export function differs(values: readonly unknown[]): boolean {
  return new Set(values.map((value) => JSON.stringify(value ?? null))).size > 1;
}
