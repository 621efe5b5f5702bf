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

/**
 * The parts of the name of a long file's series with several value columns: "store=north / sales"
 * is ids "store=north", column "sales". Null for any other name (a wide file's column, one id).
 */
export function longSeriesParts(name: string): { ids: string; column: string } | null {
  const cut = name.lastIndexOf(' / ');
  if (cut < 0) return null;
  const ids = name.slice(0, cut);
  if (!ids.split(' / ').every((part) => /^[^=/]+=/.test(part))) return null;
  return { ids, column: name.slice(cut + 3) };
}

/**
 * What a covariate a batch names means for one of its series: in a long file whose rows carry
 * several value columns per id ("store=north / sales", "store=north / promo"), the covariate's
 * column of the series' own ids (south's sales read south's promo, whichever id's promo was named);
 * otherwise, or when the series' ids have no such column, the covariate itself.
 */
export function covariateOf<S extends { name: string }>(target: S, covariate: S, byName: ReadonlyMap<string, S>): S {
  const own = longSeriesParts(target.name);
  const named = longSeriesParts(covariate.name);
  if (!own || !named) return covariate;
  return byName.get(`${own.ids} / ${named.column}`) ?? covariate;
}

/**
 * The series of a dataset that a batch with these covariates reads as inputs rather than forecasts:
 * the named ones and, for a long file's, the same column of every id.
 */
export function covariateSeriesOf<S extends { id: string; name: string }>(
  series: readonly S[],
  covariateIds: readonly string[],
): Set<string> {
  const named = series.filter((s) => covariateIds.includes(s.id));
  const columns = new Set(named.flatMap((s) => longSeriesParts(s.name)?.column ?? []));
  return new Set([
    ...named.map((s) => s.id),
    ...series.filter((s) => columns.has(longSeriesParts(s.name)?.column ?? '\0')).map((s) => s.id),
  ]);
}
