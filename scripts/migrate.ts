// `npm run db:migrate`: applies pending migrations to DATABASE_URL (offline equivalent of
// `prisma migrate deploy`).
import { databaseUrl } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';

const applied = await applyMigrations(databaseUrl());
console.log(
  applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.',
);
