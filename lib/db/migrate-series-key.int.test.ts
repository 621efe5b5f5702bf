// The series_key migration renumbers how points refer to their series: an install upgraded with
// points stored keeps every point under its series.
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS_DIR } from './migrate';

const dbName = `horizon_series_key_${process.pid}`;
const url = () => {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${dbName}`;
  return u.toString();
};

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The migrations before the one named `*_series_key`, in a folder of their own. */
function migrationsBeforeSeriesKey(): string {
  const dir = mkdtempSync(join(tmpdir(), 'horizon-migrations-'));
  for (const name of readdirSync(MIGRATIONS_DIR)) {
    if (name.endsWith('_series_key')) break;
    cpSync(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
  }
  return dir;
}

describe('the series_key migration', () => {
  beforeAll(() => admin(`CREATE DATABASE ${dbName}`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));

  it('keeps stored points under their series', async () => {
    await applyMigrations(url(), migrationsBeforeSeriesKey());
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      await client.query(`INSERT INTO users (id, email, password_hash) VALUES ('u', 'u@horizon.test', 'x')`);
      await client.query(`INSERT INTO datasets (id, user_id, name) VALUES ('d', 'u', 'old')`);
      await client.query(
        `INSERT INTO series (id, dataset_id, name, frequency) VALUES ('a', 'd', 'a', 'daily'), ('b', 'd', 'b', 'daily')`,
      );
      await client.query(
        `INSERT INTO points (series_id, t, v) VALUES
           ('a', '2024-01-01', 1), ('a', '2024-01-02', 2), ('b', '2024-01-01', 10)`,
      );

      await applyMigrations(url());
      const { rows } = await client.query(
        'SELECT s.id, p.v FROM points p JOIN series s ON s.key = p.series_key ORDER BY s.id, p.t',
      );
      expect(rows).toEqual([
        { id: 'a', v: 1 },
        { id: 'a', v: 2 },
        { id: 'b', v: 10 },
      ]);
      // New series go on numbering after the old ones.
      const fresh = await client.query(
        `INSERT INTO series (id, dataset_id, name, frequency) VALUES ('c', 'd', 'c', 'daily') RETURNING key`,
      );
      expect(fresh.rows[0].key).toBe(3);
    } finally {
      await client.end();
    }
  });
});
