// The schemas are the contract the browser validates its forms with: they must stay free of server
// code (database, queue, auth, Node built-ins), or importing one would pull that into the bundle.
// This checks their direct imports; scripts/browser-imports.test.ts follows every import from the browser.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(process.cwd(), 'lib', 'api', 'schemas');
/** What a schema file may import: zod, each other, and pure engine/ingest/timing modules. */
const ALLOWED = [
  /^zod$/,
  /^\.\/[\w-]+$/,
  /^@\/lib\/forecast\/(compared-models|config|types)$/,
  /^@\/lib\/ingest\/(options|time-zone|types)$/,
  /^@\/lib\/queue\/timing$/,
];

describe('lib/api/schemas', () => {
  it('imports nothing the browser cannot load', () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(5);
    const forbidden = files.flatMap((name) => {
      const source = readFileSync(join(DIR, name), 'utf8');
      return [...source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)]
        .map(([, specifier]) => specifier)
        .filter((specifier) => !ALLOWED.some((pattern) => pattern.test(specifier)))
        .map((specifier) => `${name}: ${specifier}`);
    });
    expect(forbidden).toEqual([]);
  });
});
