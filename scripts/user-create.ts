// `npm run user:create -- --email E --password P`: creates an account in the database `npm start`
// uses (see scripts/services/horizon-database.ts). The first account of an install is the admin.
import { parseArgs } from 'node:util';
import { signUpBody } from '@/lib/api/schemas/auth';
import { createAccount } from '@/lib/auth/accounts';
import { withHorizonDatabase } from './services/horizon-database';

const USAGE = 'Usage: npm run user:create -- --email ada@example.com --password "at least 8 characters"';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' } } });
  const parsed = signUpBody.safeParse({ email: values.email ?? '', password: values.password ?? '' });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`${USAGE}\n${problems}`);
  }
  const { user, claimedDatasets } = await withHorizonDatabase(() => createAccount(parsed.data));
  console.log(`Created ${user.isAdmin ? 'the admin account' : 'an account'} ${user.email} (id ${user.id}).`);
  if (claimedDatasets > 0) console.log(`It owns the ${claimedDatasets} dataset(s) stored before accounts existed.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
