// Sign-in attempts: 10 per email and client address per 15 minutes, then 429 until the window
// passes; a successful sign-in clears that count. The address comes from X-Forwarded-For, which a
// client can forge when Horizon is not behind a proxy, so each email also has a ceiling over all
// addresses (100 per 15 minutes): guessing one account's password stays slow whatever the headers.
// Kept in the web process's memory — Horizon runs one web process, and a limiter that fails open
// when Redis is down would defeat its purpose. Several web processes behind a load balancer would
// each keep their own counts (see README).
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export const SIGN_IN_ATTEMPTS = 10;
export const SIGN_IN_ATTEMPTS_PER_EMAIL = 100;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const perAddress = new RateLimiterMemory({ points: SIGN_IN_ATTEMPTS, duration: SIGN_IN_WINDOW_SECONDS });
const perEmail = new RateLimiterMemory({ points: SIGN_IN_ATTEMPTS_PER_EMAIL, duration: SIGN_IN_WINDOW_SECONDS, keyPrefix: 'email' });

/** The client address as the server in front of us reports it (Next sets x-forwarded-for). */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'unknown';
}

function key(email: string, address: string): string {
  return `${address}|${email}`;
}

/** Null when the attempt may go ahead, else the seconds to wait. */
export async function takeSignInAttempt(email: string, address: string): Promise<number | null> {
  try {
    await perAddress.consume(key(email, address));
    await perEmail.consume(email);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

export async function clearSignInAttempts(email: string, address: string): Promise<void> {
  await perAddress.delete(key(email, address));
}
