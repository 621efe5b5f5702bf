import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { signUpBody } from '@/lib/api/schemas/auth';
import { registerAccount, SIGN_UP_MESSAGE } from '@/lib/auth/accounts';
import { clientAddress } from '@/lib/auth/sign-in-limit';

export const runtime = 'nodejs';

// The same answer whether the email was free or taken, and no session: the client signs in next.
export const POST = apiRoute({ auth: 'none', body: signUpBody }, async ({ request, body }) => {
  await registerAccount(body, clientAddress(request));
  return json({ message: SIGN_UP_MESSAGE }, 202);
});
