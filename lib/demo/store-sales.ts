// Demo dataset: daily sales of three stores, with the structure a forecaster should find (trend,
// weekly and yearly seasonality, noise). Seeded, so every run and every machine gets the same file.

export type StoreName = 'store_north' | 'store_south' | 'store_online';

export interface StoreSalesOptions {
  /** Number of days (default: the three years ending on 2026-10-31). */
  days?: number;
  /** First day, YYYY-MM-DD (default: `days` before 2026-10-31). */
  start?: string;
  seed?: number;
  /** Columns to write, in order (default: all three stores). */
  stores?: readonly StoreName[];
}

interface StoreProfile {
  /** Average daily sales at the start, in currency units. */
  level: number;
  /** Growth per year, as a fraction. */
  growth: number;
  /** Multipliers Monday..Sunday. */
  weekly: readonly number[];
  /** Amplitude of the yearly wave peaking in December. */
  yearly: number;
  /** Extra share of sales in the two weeks before Christmas. */
  holiday: number;
  /** Standard deviation of the multiplicative day-to-day noise. */
  noise: number;
}

const STORES: Record<StoreName, StoreProfile> = {
  // Walk-in stores peak on Saturdays; the online shop sells more on weekdays and grows fastest.
  store_north: {
    level: 4200,
    growth: 0.06,
    weekly: [0.86, 0.88, 0.92, 0.98, 1.12, 1.32, 0.92],
    yearly: 0.12,
    holiday: 0.35,
    noise: 0.06,
  },
  store_south: {
    level: 3100,
    growth: 0.02,
    weekly: [0.84, 0.87, 0.9, 0.97, 1.15, 1.35, 0.92],
    yearly: 0.18,
    holiday: 0.25,
    noise: 0.07,
  },
  store_online: {
    level: 2500,
    growth: 0.25,
    weekly: [1.08, 1.1, 1.05, 1.02, 0.96, 0.86, 0.93],
    yearly: 0.1,
    holiday: 0.5,
    noise: 0.08,
  },
};

const ALL_STORES = Object.keys(STORES) as StoreName[];
const DEFAULT_END = Date.UTC(2026, 9, 31);
const DEFAULT_DAYS = 1096; // 2023-11-01 .. 2026-10-31, which includes 29 Feb 2024
const DEFAULT_SEED = 42;
const DAY = 86_400_000;
const YEAR_DAYS = 365.25;

/** Deterministic daily CSV `date,store_north,store_south,store_online` (2 decimals, all positive). */
export function makeStoreSalesCsv(options: StoreSalesOptions = {}): string {
  const days = options.days ?? DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);
  const start = options.start ? parseDay(options.start) : DEFAULT_END - (days - 1) * DAY;
  const stores = options.stores ?? ALL_STORES;
  const random = mulberry32(options.seed ?? DEFAULT_SEED);

  const lines = [['date', ...stores].join(',')];
  for (let day = 0; day < days; day++) {
    const t = start + day * DAY;
    const cells = stores.map((store) => dailySales(STORES[store], t, day / YEAR_DAYS, gaussian(random)).toFixed(2));
    lines.push([new Date(t).toISOString().slice(0, 10), ...cells].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function dailySales(store: StoreProfile, t: number, years: number, shock: number): number {
  const date = new Date(t);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  const dayOfYear = (t - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY;
  const trend = Math.pow(1 + store.growth, years);
  const season = 1 + store.yearly * Math.cos((2 * Math.PI * (dayOfYear - 350)) / YEAR_DAYS);
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  const holiday = month === 11 && dayOfMonth >= 10 && dayOfMonth <= 24 ? 1 + store.holiday : 1;
  const noise = Math.max(0.5, 1 + store.noise * shock);
  return store.level * trend * store.weekly[weekday] * season * holiday * noise;
}

function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const t = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== text) {
    throw new Error(`start must be a date like 2024-01-31, got "${text}"`);
  }
  return t;
}

/** Small fast seeded PRNG (uniform in [0, 1)); quality is ample for demo noise. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Standard normal draw (Box-Muller). */
function gaussian(random: () => number): number {
  const u = 1 - random(); // (0, 1], so the log is finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
