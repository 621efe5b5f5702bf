// Request schemas of the /api/auth and /api/tokens routes (parsed by the routes, documented by
// lib/api/openapi.ts). Pure: no server dependency, so the browser may validate with them.
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

const email = z.string().trim().toLowerCase().pipe(z.email('must be an email address, e.g. ada@example.com').max(254));

export const signUpBody = z.strictObject({
  email,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
});

// Sign-in does not re-check the password rules: a wrong password is a 401, whatever its length.
export const signInBody = z.strictObject({
  email,
  password: z.string().min(1, 'is required').max(MAX_PASSWORD_LENGTH),
});

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'is required: say what the token is for, e.g. "nightly export"').max(100),
});
