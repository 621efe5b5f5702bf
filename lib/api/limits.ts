// Request limits of the API, configurable by environment variable (README, Configuration).
// Read on every request so that tests and operators can change them without a rebuild.

/** A positive number from the environment, else the default. */
export function envNumber(name: string, fallback: number): number {
  const configured = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(configured) && configured > 0 ? configured : fallback;
}

/** Largest JSON request body, in bytes (HORIZON_MAX_JSON_KB, default 1 MB). */
export function maxJsonBytes(): number {
  return Math.floor(envNumber('HORIZON_MAX_JSON_KB', 1024) * 1024);
}
