// Points handed out while a file is still being read, so that a caller can store them as they
// come (one COPY running beside the parser) instead of after the last byte. Nothing here is a
// verdict: which columns are ids and which are series is only settled once the whole file is
// read. EarlySeries guesses it from the sample rows, emits each row's points under a provisional
// key per (id labels, value column), and at the end says whether what it emitted is exactly the
// parsed series, key by key. When it is not (a wrong guess, rows out of order, filled gaps,
// resampling), the caller throws the early points away and stores the parsed series as usual.
import type { CategoryColumn } from './category-column';
import type { DateColumnReader } from './dates';
import { detectIdColumns, idCandidates } from './id-columns';
import { requestedNames } from './options';
import type { ParseOptions, ParseResult } from './types';
import type { ValueColumn } from './value-column';

/** Receives the early points. */
export interface EarlyPointsSink {
  /**
   * One point of provisional series `key` (0, 1, 2, … in order of first appearance). The times
   * of a key ascend strictly. False: the sink cannot take this key, and the early points are given up.
   */
  point(key: number, t: number, v: number): boolean;
  /** Resolves once the sink can take more; the reader waits for it between chunks of input. */
  ready(): Promise<void> | undefined;
}

/** How the early points turned out to map onto the parsed file's series. */
export interface EarlyPointsMatch {
  /** Per parsed series, in order: the key its points were emitted under, all of them and nothing else. */
  keys: number[];
  /** Keys whose points belong to no series (a column or a series that was skipped): to be dropped. */
  unused: number[];
}

/** What the table reader has settled once its sample is in. */
export interface EarlyPlan {
  dates: DateColumnReader | null;
  values: readonly ValueColumn[];
  labels: readonly CategoryColumn[];
}

/** Above this share of early points belonging to no series, dropping them costs more than storing anew. */
const MAX_UNUSED_SHARE = 0.1;
/** Codes of up to three id columns combine into one number below 2^53 (a column has at most 10,000 labels). */
const CODE_RADIX = 10_001;

interface Provisional {
  /** The id labels (in id column order) and the value column, as the parsed series will name them. */
  identity: string;
  lastT: number;
  count: number;
  /** Σ t·position and Σ v·position (positions from 1), see sameAs. */
  sumT: number;
  sumV: number;
}

type State = 'waiting' | 'emitting' | 'abandoned';
type SettledDates = NonNullable<ReturnType<DateColumnReader['settled']>>;
/** `row` of emit() for the row just added. */
const LATEST = -1;

export class EarlySeries {
  private state: State = 'waiting';
  private dates: SettledDates | null = null;
  private ids: CategoryColumn[] = [];
  /** The id codes of the row being emitted. */
  private codes = new Int32Array(0);
  private values: ValueColumn[] = [];
  private readonly provisional: Provisional[] = [];
  /** Per group (combination of id codes), the key of each value column once it has a point. */
  private readonly keysOfGroup = new Map<number, Int32Array>();

  constructor(
    private readonly sink: EarlyPointsSink,
    private readonly options: ParseOptions,
  ) {}

  /** Between chunks of input: waits while the sink is full. */
  ready(): Promise<void> | undefined {
    return this.state === 'emitting' ? this.sink.ready() : undefined;
  }

  /**
   * Called once the sample is read, with the rows read so far in the plan's columns: guesses the
   * id and value columns from them and emits their points.
   */
  start(plan: EarlyPlan, sampleRows: number): void {
    const dates = plan.dates?.settled();
    const ids = dates ? this.guessIds(plan.labels, dates.values()) : null;
    // With a time zone the times become instants only once the whole column is read (offsets in
    // the file win, a column of dates stays dates, the autumn hour is decided per series): the
    // end's exact-match check would drop the points anyway, so none are sent.
    if (!dates || !ids || this.options.resample || this.options.timeZone) {
      this.state = 'abandoned';
      return;
    }
    this.dates = dates;
    this.ids = ids;
    this.codes = new Int32Array(ids.length);
    const idNames = new Set(ids.map((column) => column.name));
    this.values = plan.values.filter((column) => !idNames.has(column.name));
    this.state = 'emitting';
    const t = dates.values();
    for (let row = 0; row < sampleRows && this.state === 'emitting'; row++) this.emit(t[row], row);
  }

  /** The row just added to the plan's columns. */
  row(): void {
    if (this.state === 'emitting') this.emit(this.dates!.last(), LATEST);
  }

  /** Whether the points emitted are exactly `parsed`'s series; null when they are not (or none were). */
  match(parsed: ParseResult): EarlyPointsMatch | null {
    if (this.state !== 'emitting' || !parsed.ok) return null;
    const idNames = this.ids.map((column) => column.name);
    if (parsed.idColumns.join('\u0000') !== idNames.join('\u0000')) return null;
    const keyOf = new Map(this.provisional.map((p, key) => [p.identity, key]));
    const keys: number[] = [];
    for (const series of parsed.series) {
      if (series.filled > 0 || series.duplicates > 0) return null;
      const key = keyOf.get(
        identity(
          idNames.map((name) => series.ids?.[name] ?? ''),
          series.valueColumn,
        ),
      );
      if (key === undefined || !this.sameAs(this.provisional[key], series.t, series.v)) return null;
      keys.push(key);
    }
    const used = new Set(keys);
    const unused = this.provisional.flatMap((_, key) => (used.has(key) ? [] : [key]));
    const unusedPoints = unused.reduce((sum, key) => sum + this.provisional[key].count, 0);
    const allPoints = this.provisional.reduce((sum, p) => sum + p.count, 0);
    return unusedPoints > MAX_UNUSED_SHARE * allPoints ? null : { keys, unused };
  }

  /** The id columns the sample suggests, as parsed-file.ts chooses them from the whole file; null: no guess. */
  private guessIds(labels: readonly CategoryColumn[], t: Float64Array): CategoryColumn[] | null {
    const requested = requestedNames(this.options.idColumns);
    const usable = labels.filter((column) => !column.overflowed);
    if (requested && requested.length > 0) {
      const chosen = requested.map((name) => usable.find((column) => column.name === name));
      return chosen.every((column) => column !== undefined) ? (chosen as CategoryColumn[]) : null;
    }
    if (this.options.layout === 'wide') return [];
    const candidates = idCandidates(usable);
    const force = this.options.layout === 'long';
    const detected = detectIdColumns(t, candidates, force);
    return detected ?? (force ? null : []);
  }

  /** The points of data row `row` (LATEST: the one just added) at time `t`. */
  private emit(t: number, row: number): void {
    if (Number.isNaN(t)) return;
    let group = 0;
    for (let i = 0; i < this.ids.length; i++) {
      const code = row === LATEST ? this.ids[i].lastCode() : this.ids[i].codes[row];
      // An overflowed id column has no codes: the guess cannot hold.
      if (code === undefined) return this.abandon();
      if (code < 0) return; // A row without an id belongs to no series.
      this.codes[i] = code;
      group = group * CODE_RADIX + code;
    }
    let keys = this.keysOfGroup.get(group);
    if (!keys) {
      keys = new Int32Array(this.values.length).fill(-1);
      this.keysOfGroup.set(group, keys);
    }
    for (let column = 0; column < this.values.length; column++) {
      const v = row === LATEST ? this.values[column].last() : this.values[column].values[row];
      if (Number.isNaN(v)) continue;
      let key = keys[column];
      if (key < 0) key = keys[column] = this.newKey(column);
      const p = this.provisional[key];
      // A repeated or earlier timestamp: the series will be sorted or merged, not as emitted.
      if (t <= p.lastT) return this.abandon();
      p.lastT = t;
      p.count++;
      p.sumT += t * p.count;
      p.sumV += v * p.count;
      if (!this.sink.point(key, t, v)) return this.abandon();
    }
  }

  /** A key for `column` in the group of the row being emitted. */
  private newKey(column: number): number {
    const labels = this.ids.map((id, i) => id.labels[this.codes[i]]);
    this.provisional.push({
      identity: identity(labels, this.values[column].name),
      lastT: -Infinity,
      count: 0,
      sumT: 0,
      sumV: 0,
    });
    return this.provisional.length - 1;
  }

  /**
   * Same points as emitted: the count, and sums weighted by position (so that order counts),
   * accumulated with the same float operations in the same order, so equal points give equal bits.
   */
  private sameAs(p: Provisional, t: readonly number[], v: readonly number[]): boolean {
    if (p.count !== t.length) return false;
    let sumT = 0;
    let sumV = 0;
    for (let i = 0; i < t.length; i++) {
      sumT += t[i] * (i + 1);
      sumV += v[i] * (i + 1);
    }
    return sumT === p.sumT && sumV === p.sumV;
  }

  private abandon(): void {
    this.state = 'abandoned';
  }
}

function identity(labels: readonly string[], valueColumn: string): string {
  return JSON.stringify([...labels, valueColumn]);
}
