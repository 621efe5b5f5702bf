// Applies prisma/migrations/*/migration.sql with Prisma's own schema engine, compiled to wasm.
//
// `prisma migrate deploy` needs a native engine binary that Prisma downloads from its own host, so
// it cannot run offline. The wasm build of the same engine (an npm package, pinned to the exact
// version of the installed Prisma) applies the same migrations and records them in the same
// `_prisma_migrations` table, so a database migrated here can later be managed by
// `prisma migrate deploy` and vice versa. The engine's JS API is internal to Prisma: everything
// that touches it stays in this file, and lib/db/migrate.int.test.ts covers it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget, MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);

export const MIGRATIONS_DIR = resolve(process.cwd(), 'prisma', 'migrations');
export const SCHEMA_PATH = resolve(process.cwd(), 'prisma', 'schema.prisma');

const noFilters = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import('@prisma/schema-engine-wasm');
let engineModule: Promise<EngineModule> | undefined;

// The engine reports Rust panics through this global before throwing; keep the message so the
// error says what went wrong instead of failing on a missing registry.
const panicRegistry = {
  message: '',
  set_message(message: string) {
    this.message = message;
  },
};
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;

/** Instantiates the engine's wasm by hand: Node 20 cannot `import` a .wasm file. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = (await import(bgPath)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = readFileSync(join(bgPath, '..', 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

async function withEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  // Keep hold of every connection the engine opens: it never closes them itself, and an open one
  // keeps Prisma's migration advisory lock, which would stall the next migration for a while.
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = Object.assign(Object.create(factory) as PrismaPg, {
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  });
  const adapter = bindMigrationAwareSqlAdapterFactory(tracked);
  const datamodel = readFileSync(SCHEMA_PATH, 'utf8');
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, datamodel]] },
    (line: string) => logs.push(line),
    adapter,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
}

/** Reads the migration folders the same way the Prisma CLI does. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = join(dir, 'migration_lock.toml');
  let lockContent: string | null;
  try {
    lockContent = readFileSync(lockPath, 'utf8');
  } catch {
    lockContent = null;
  }
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** Applies pending migrations; returns the names of those applied now. Idempotent. */
export async function applyMigrations(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  return withEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrations(dir),
      filters: noFilters,
    });
    return appliedMigrationNames;
  });
}

/**
 * The schema as of the newest migration. `prisma migrate dev` would rebuild it by replaying the
 * migrations in a shadow database and introspecting that; the wasm engine cannot introspect
 * PostgreSQL through the driver adapter (it fails on the internal `"char"` type), so `db:diff`
 * keeps this snapshot beside the migrations instead. The Prisma CLI ignores files in that folder.
 */
export const SCHEMA_SNAPSHOT_PATH = join(MIGRATIONS_DIR, 'schema.snapshot.prisma');

/**
 * SQL that takes the schema of the newest migration (the snapshot) to the current schema.prisma;
 * empty when they agree. The engine connects to `databaseUrl` but leaves it untouched.
 */
export async function diffSchema(
  databaseUrl: string,
  snapshotPath = SCHEMA_SNAPSHOT_PATH,
  schemaPath = SCHEMA_PATH,
): Promise<string> {
  // The engine connects at start even for a schema-to-schema diff; it reads and writes nothing.
  return withEngine(databaseUrl, async (engine) => {
    const from: DiffTarget = existsSync(snapshotPath)
      ? { tag: 'schemaDatamodel', files: [{ path: snapshotPath, content: readFileSync(snapshotPath, 'utf8') }] }
      : { tag: 'empty' };
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = (result.stdout ?? '').trim();
    return /^-- This is an empty migration/.test(sql) ? '' : sql;
  });
}
