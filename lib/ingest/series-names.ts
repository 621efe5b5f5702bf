// How the series of a long file are named: by their ids, and by value column when there are several.

/**
 * "north" for one id and one value column, "north / apples" for two ids, and
 * "store=north / sales" when several value columns need telling apart.
 */
export function longSeriesName(
  idColumns: readonly string[],
  labels: readonly string[],
  valueColumn: string,
  valueColumns: number,
): string {
  if (valueColumns === 1) return labels.join(' / ');
  return [...idColumns.map((name, i) => `${name}=${labels[i]}`), valueColumn].join(' / ');
}

/** Series names are unique within a dataset; labels could still collide ("a / b" from two ids). */
export class UniqueNames {
  private readonly taken = new Set<string>();

  claim(name: string): string {
    let unique = name;
    for (let n = 2; this.taken.has(unique); n++) unique = `${name} (${n})`;
    this.taken.add(unique);
    return unique;
  }
}
