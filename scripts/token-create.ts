// `npm run token:create -- --email E [--name N]`: creates an API token for an existing account in
// the database `npm start` uses and prints only the token, so scripts can capture it:
//   TOKEN=$(npm run -s token:create -- --email ada@example.com)
// Everything else (progress, errors) goes to stderr.
import { parseArgs } from 'node:util';
import { createTokenBody } from '@/lib/api/schemas/auth';
import { createApiToken } from '@/lib/auth/api-tokens';
import { findUserByEmailAsSystem } from '@/lib/db/users';
import { withHorizonDatabase } from './services/horizon-database';

const USAGE = 'Usage: npm run token:create -- --email ada@example.com [--name "what it is for"]';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email) throw new Error(USAGE);
  const { name } = createTokenBody.parse({ name: values.name ?? 'command line' });
  const email = values.email;
  const token = await withHorizonDatabase(async () => {
    const user = await findUserByEmailAsSystem(email);
    if (!user) throw new Error(`There is no account with the email ${email}. Create one with npm run user:create.`);
    return (await createApiToken({ userId: user.id }, name)).token;
  });
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
