// Demo dataset: daily sales of three stores, with the structure a forecaster should find (trend,
// weekly and yearly seasonality, noise). Seeded, so every run and every machine gets the same file.
// With `promotions`, the chain's promotion days and price go beside the stores and drive their
// sales, as do the US public holidays (closed or quiet on some, busier on others), and the file
// ends with future rows (issue 22): the stores' cells empty, the planned promotions and prices
// filled, which a run uses as known-future covariates.
import Holidays from 'date-holidays';

export type StoreName = 'store_north' | 'store_south' | 'store_online';

export interface StoreSalesOptions {
  /** Number of days (default: the three years ending on 2026-10-31). */
  days?: number;
  /** First day, YYYY-MM-DD (default: `days` before 2026-10-31). */
  start?: string;
  seed?: number;
  /** Columns to write, in order (default: all three stores). */
  stores?: readonly StoreName[];
  /**
   * Add `promotion` (1 on promotion days) and `price` columns that move the sales, let US public
   * holidays move them too, and end with `futureDays` rows where only those two are filled.
   */
  promotions?: boolean;
  /** With `promotions`: rows after the last day of sales (default 14). */
  futureDays?: number;
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
  /** With promotions: extra share of sales on a promotion day. */
  promotionLift: number;
  /** With promotions: price elasticity (sales scale with (price / REGULAR_PRICE) ^ -elasticity). */
  elasticity: number;
  /** With promotions: sales on a closing holiday (Thanksgiving, Christmas, New Year) as a share of a normal day. */
  closedShare: number;
  /** With promotions: extra share of sales on the other public holidays. */
  holidayLift: number;
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
    promotionLift: 0.45,
    elasticity: 2.5,
    closedShare: 0.1,
    holidayLift: 0.3,
  },
  store_south: {
    level: 3100,
    growth: 0.02,
    weekly: [0.84, 0.87, 0.9, 0.97, 1.15, 1.35, 0.92],
    yearly: 0.18,
    holiday: 0.25,
    noise: 0.07,
    promotionLift: 0.4,
    elasticity: 2,
    closedShare: 0.1,
    holidayLift: 0.35,
  },
  store_online: {
    level: 2500,
    growth: 0.25,
    weekly: [1.08, 1.1, 1.05, 1.02, 0.96, 0.86, 0.93],
    yearly: 0.1,
    holiday: 0.5,
    noise: 0.08,
    promotionLift: 0.6,
    elasticity: 3,
    closedShare: 0.6,
    holidayLift: 0.15,
  },
};

const ALL_STORES = Object.keys(STORES) as StoreName[];
const DEFAULT_END = Date.UTC(2026, 9, 31);
const DEFAULT_DAYS = 1096; // 2023-11-01 .. 2026-10-31, which includes 29 Feb 2024
const DEFAULT_SEED = 42;
const DAY = 86_400_000;
const YEAR_DAYS = 365.25;

/** The price on days without a discount; discounts take it down to 85%. */
export const REGULAR_PRICE = 10;
/** US public holidays on which the walk-in stores close (sales fall to closedShare). */
const CLOSING_HOLIDAYS = new Set(["New Year's Day", 'Thanksgiving Day', 'Christmas Day']);

/**
 * Deterministic daily CSV `date,store_north,store_south,store_online` (2 decimals, all positive);
 * with `promotions`, also `promotion,price` and the future rows.
 */
export function makeStoreSalesCsv(options: StoreSalesOptions = {}): string {
  const days = options.days ?? DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);
  const futureDays = options.promotions ? (options.futureDays ?? 14) : 0;
  if (!Number.isInteger(futureDays) || futureDays < 0) {
    throw new Error(`futureDays must be a whole number, got ${futureDays}`);
  }
  const start = options.start ? parseDay(options.start) : DEFAULT_END - (days - 1) * DAY;
  const stores = options.stores ?? ALL_STORES;
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  // Their own stream, so that the stores' noise is the same with and without them.
  const plan = options.promotions ? promotionPlan(start, days + futureDays, (options.seed ?? DEFAULT_SEED) + 1) : null;
  const holidays = options.promotions ? usHolidays(start, days + futureDays) : null;

  const lines = [['date', ...stores, ...(plan ? ['promotion', 'price'] : [])].join(',')];
  for (let day = 0; day < days + futureDays; day++) {
    const t = start + day * DAY;
    const drivers = plan && { promotion: plan.promotion[day], price: plan.price[day], holiday: holidays!.get(t) };
    const cells =
      day < days
        ? stores.map((store) => dailySales(STORES[store], t, day / YEAR_DAYS, gaussian(random), drivers).toFixed(2))
        : stores.map(() => '');
    const extra = plan ? [String(plan.promotion[day]), plan.price[day].toFixed(2)] : [];
    lines.push([new Date(t).toISOString().slice(0, 10), ...cells, ...extra].join(','));
  }
  return `${lines.join('\n')}\n`;
}

interface Drivers {
  promotion: number;
  price: number;
  /** The US public holiday on this day, if any. */
  holiday: string | undefined;
}

/**
 * Promotion days (runs of 2 to 4 days, about one day in six) and the price: regular, cut by 5-15%
 * on promotion days, and by 5% in a few short sales of its own.
 */
function promotionPlan(start: number, days: number, seed: number): { promotion: number[]; price: number[] } {
  const random = mulberry32(seed);
  const promotion = new Array<number>(days).fill(0);
  const price = new Array<number>(days).fill(REGULAR_PRICE);
  for (let day = 0; day < days;) {
    if (random() < 0.06) {
      const length = 2 + Math.floor(random() * 3);
      const cut = 0.05 + 0.05 * Math.floor(random() * 3);
      for (let k = 0; k < length && day + k < days; k++) {
        promotion[day + k] = 1;
        price[day + k] = REGULAR_PRICE * (1 - cut);
      }
      day += length + 2;
    } else {
      if (random() < 0.03) price[day] = REGULAR_PRICE * 0.95;
      day++;
    }
  }
  return { promotion, price };
}

/** US public holidays between `start` and `days` later, by their UTC midnight. */
function usHolidays(start: number, days: number): Map<number, string> {
  const calendar = new Holidays('US');
  const found = new Map<number, string>();
  const first = new Date(start).getUTCFullYear();
  const last = new Date(start + (days - 1) * DAY).getUTCFullYear();
  for (let year = first; year <= last; year++) {
    for (const holiday of calendar.getHolidays(year)) {
      if (holiday.type === 'public') found.set(Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`), holiday.name);
    }
  }
  return found;
}

function dailySales(
  store: StoreProfile,
  t: number,
  years: number,
  shock: number,
  drivers: Drivers | null = null,
): number {
  const date = new Date(t);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  const dayOfYear = (t - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY;
  const trend = Math.pow(1 + store.growth, years);
  const season = 1 + store.yearly * Math.cos((2 * Math.PI * (dayOfYear - 350)) / YEAR_DAYS);
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  const holiday = month === 11 && dayOfMonth >= 10 && dayOfMonth <= 24 ? 1 + store.holiday : 1;
  const noise = Math.max(0.5, 1 + store.noise * shock);
  const base = store.level * trend * store.weekly[weekday] * season * holiday * noise;
  if (!drivers) return base;
  const promotion = 1 + store.promotionLift * drivers.promotion;
  const price = Math.pow(drivers.price / REGULAR_PRICE, -store.elasticity);
  const publicHoliday = drivers.holiday
    ? CLOSING_HOLIDAYS.has(drivers.holiday)
      ? store.closedShare
      : 1 + store.holidayLift
    : 1;
  return base * promotion * price * publicHoliday;
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
