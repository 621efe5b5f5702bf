import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, diffSchema, MIGRATIONS_DIR, readMigrations, SCHEMA_SNAPSHOT_PATH } from './migrate';

// A database of its own, so that migrations run on an empty schema.
const baseUrl = () => process.env.DATABASE_URL!;
const dbName = `horizon_migrate_${process.pid}`;
const url = () => {
  const u = new URL(baseUrl());
  u.pathname = `/${dbName}`;
  return u.toString();
};

async function query(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

describe('applyMigrations', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: baseUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: baseUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('applies every migration once and records it as prisma migrate deploy does', async () => {
    const names = readMigrations().migrationDirectories.map((d) => d.path);
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations(url())).toEqual(names);
    expect(await applyMigrations(url())).toEqual([]);

    const { rows } = await query(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      // prisma migrate deploy compares this checksum to detect edited migrations.
      const sql = readFileSync(join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      const { createHash } = await import('node:crypto');
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
    }
  });

  it('creates the tables the Prisma schema maps to', async () => {
    const { rows } = await query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['datasets', 'series', 'points', 'runs', 'predictions', 'schedules']),
    );
  });

  it('applies a new migration on top and rejects a broken one without recording it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'horizon-migrations-'));
    for (const name of readMigrations().migrationDirectories.map((d) => d.path)) {
      mkdirSync(join(dir, name));
      copyFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), join(dir, name, 'migration.sql'));
    }
    mkdirSync(join(dir, '29990101000000_extra'));
    writeFileSync(join(dir, '29990101000000_extra', 'migration.sql'), 'CREATE TABLE extra_table (id int);\n');
    expect(await applyMigrations(url(), dir)).toEqual(['29990101000000_extra']);

    mkdirSync(join(dir, '29990102000000_broken'));
    writeFileSync(join(dir, '29990102000000_broken', 'migration.sql'), 'CREATE TABLE broken (id no_such_type);\n');
    await expect(applyMigrations(url(), dir)).rejects.toThrow(/no_such_type|broken/);
  });
});

describe('diffSchema', () => {
  it('finds schema.prisma in step with the newest migration (run `npm run db:diff -- <name>` if not)', async () => {
    expect(await diffSchema(baseUrl())).toBe('');
  });

  it('produces SQL for a schema change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'horizon-schema-'));
    const changed = join(dir, 'schema.prisma');
    writeFileSync(
      changed,
      readFileSync(SCHEMA_SNAPSHOT_PATH, 'utf8').replace('model Dataset {', 'model Dataset {\n  note String?'),
    );
    expect(await diffSchema(baseUrl(), SCHEMA_SNAPSHOT_PATH, changed)).toMatch(
      /ALTER TABLE "datasets" ADD COLUMN\s+"note" TEXT/,
    );
  });
});
