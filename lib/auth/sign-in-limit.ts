// Sign-in and sign-up protection that no stranger can turn into a lock-out:
// - per email and client address: 10 attempts per 15 minutes, then 429 until the window passes
//   (a successful sign-in clears that count);
// - per client address, whatever the emails: 100 sign-in attempts per 15 minutes, and 20 sign-ups
//   per hour (HORIZON_SIGN_UPS_PER_HOUR), then 429;
// - per email alone, over all addresses: never blocked (the owner must always get in), but slowed
//   down: after 10 failed attempts in 15 minutes every attempt for that email waits 250 ms more per
//   failure, up to 3 s, before the password is checked. Rotating X-Forwarded-For addresses then
//   buys a guesser about one try every 3 seconds, and the owner a short wait.
// The counts live in Redis (RateLimiterRedis), so several web processes share them; when Redis is
// unreachable an in-memory limiter with the same settings stands in (the insurance limiter), so
// the protection never fails open. The address comes from X-Forwarded-For (what the proxy in
// front reports; forgeable without one, hence the per-email slow-down).
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterStoreOptions,
} from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { createRedisConnection } from '@/lib/queue/connection';

export const SIGN_IN_ATTEMPTS = 10;
export const SIGN_IN_ATTEMPTS_PER_ADDRESS = 100;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** HORIZON_SIGN_UPS_PER_HOUR, default 20. */
export const SIGN_UPS_PER_ADDRESS = positiveEnv('HORIZON_SIGN_UPS_PER_HOUR', 20);
export const SIGN_UP_WINDOW_SECONDS = 60 * 60;
/** Failures per email before attempts for it are slowed down. */
export const FREE_FAILURES_PER_EMAIL = 10;
const DELAY_PER_FAILURE_MS = 250;
export const MAX_SIGN_IN_DELAY_MS = 3_000;

function positiveEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Keys in Redis start with this (tests look for them). */
export const LIMIT_KEY_PREFIX = 'horizon:auth';

interface Limiters {
  emailAndAddress: RateLimiterRedis;
  address: RateLimiterRedis;
  emailFailures: RateLimiterRedis;
  signUps: RateLimiterRedis;
}

let limiters: Limiters | null = null;
let redis: Redis | null = null;

function limiter(storeClient: Redis, name: string, points: number, duration: number): RateLimiterRedis {
  const options: IRateLimiterStoreOptions = { storeClient, keyPrefix: `${LIMIT_KEY_PREFIX}:${name}`, points, duration };
  return new RateLimiterRedis({
    ...options,
    // Fail over at once when Redis is not connected, rather than wait for it.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: options.keyPrefix, points, duration }),
  });
}

function getLimiters(): Limiters {
  if (limiters) return limiters;
  redis = createRedisConnection('producer');
  // Errors (Redis down) are the insurance limiter's business; ioredis reconnects by itself.
  redis.on('error', () => undefined);
  limiters = {
    emailAndAddress: limiter(redis, 'signin', SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_SECONDS),
    address: limiter(redis, 'signin-address', SIGN_IN_ATTEMPTS_PER_ADDRESS, SIGN_IN_WINDOW_SECONDS),
    // Counted only, never refused: a huge allowance.
    emailFailures: limiter(redis, 'signin-failures', Number.MAX_SAFE_INTEGER, SIGN_IN_WINDOW_SECONDS),
    signUps: limiter(redis, 'signup-address', SIGN_UPS_PER_ADDRESS, SIGN_UP_WINDOW_SECONDS),
  };
  return limiters;
}

/** Closes the Redis connection (tests, shutdown). */
export async function closeSignInLimits(): Promise<void> {
  const connection = redis;
  limiters = null;
  redis = null;
  await connection?.quit().catch(() => undefined);
}

/** The client address as the server in front of us reports it (Next sets x-forwarded-for). */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'unknown';
}

function key(email: string, address: string): string {
  return `${address}|${email}`;
}

function secondsToWait(rejection: unknown): number {
  if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  throw rejection;
}

/** Null when the attempt may go ahead, else the seconds to wait. */
export async function takeSignInAttempt(email: string, address: string): Promise<number | null> {
  const { emailAndAddress, address: perAddress } = getLimiters();
  try {
    await perAddress.consume(address);
    await emailAndAddress.consume(key(email, address));
    return null;
  } catch (rejection) {
    return secondsToWait(rejection);
  }
}

/** How long an attempt for `email` waits before its password is checked (0 for the first failures). */
export async function signInDelayMs(email: string): Promise<number> {
  const failures = (await getLimiters().emailFailures.get(email))?.consumedPoints ?? 0;
  return Math.min(MAX_SIGN_IN_DELAY_MS, Math.max(0, failures - FREE_FAILURES_PER_EMAIL + 1) * DELAY_PER_FAILURE_MS);
}

export async function recordSignInFailure(email: string): Promise<void> {
  await getLimiters().emailFailures.penalty(email, 1);
}

export async function clearSignInAttempts(email: string, address: string): Promise<void> {
  const { emailAndAddress, emailFailures } = getLimiters();
  await Promise.all([emailAndAddress.delete(key(email, address)), emailFailures.delete(email)]);
}

/** Null when a sign-up from `address` may go ahead, else the seconds to wait. */
export async function takeSignUpAttempt(address: string): Promise<number | null> {
  try {
    await getLimiters().signUps.consume(address);
    return null;
  } catch (rejection) {
    return secondsToWait(rejection);
  }
}
