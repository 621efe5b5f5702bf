// Runs `prisma generate` offline.
//
// Every Prisma CLI command first makes sure the native schema-engine binary is present and tries to
// download it when it is not. `generate` never uses that engine, so pointing
// PRISMA_SCHEMA_ENGINE_BINARY at a stub that exits non-zero lets it run without network access.
// (A stub that exits 0 would make `migrate` silently do nothing; ours fails loudly.)
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(root, 'scripts', 'schema-engine-stub.sh');
if (existsSync(stub)) chmodSync(stub, 0o755);

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
  // generate does not connect, but prisma.config.ts reads the variable.
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://horizon@localhost:5432/horizon',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const prisma = join(root, 'node_modules', 'prisma', 'build', 'index.js');
if (!existsSync(prisma)) {
  console.error('prisma-generate: the prisma package is not installed; run `npm install` first.');
  process.exit(1);
}
const result = spawnSync(process.execPath, [prisma, 'generate'], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
