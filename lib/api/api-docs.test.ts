// docs/api.md is written for people, but checked against the OpenAPI document (itself built from
// the zod schemas): every operation is documented there and nothing else is, every error code is
// in its table, every field of every response shape is mentioned, and the list of prediction models
// is the registry's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREDICTION_MODELS } from '@/lib/forecast/compared-models';
import { buildOpenApiDocument, OPERATIONS } from './openapi';
import { ERROR_CODES } from './schemas/errors';

const docs = readFileSync(join(process.cwd(), 'docs', 'api.md'), 'utf8');

/** `GET /api/runs/:id/predictions?format=…` → 'get /api/runs/{}/predictions' (parameter names vary in prose). */
const documented = new Set(
  [...docs.matchAll(/`(GET|POST|PATCH|PUT|DELETE) (\/api\/[^`?\s*]*)(?=[`?\s])/g)].map(
    ([, method, path]) => `${method.toLowerCase()} ${path.replace(/:\w+/g, '{}')}`,
  ),
);

describe('docs/api.md', () => {
  it('documents every operation of the OpenAPI document, and no other', () => {
    const operations = OPERATIONS.map((operation) => `${operation.method} ${operation.path.replace(/\{\w+\}/g, '{}')}`);
    expect(operations.filter((operation) => !documented.has(operation))).toEqual([]);
    expect([...documented].filter((operation) => !operations.includes(operation))).toEqual([]);
  });

  it('tables every error code', () => {
    const table = [...docs.matchAll(/^\| \d{3} \| `(\w+)` \|/gm)].map(([, code]) => code);
    expect([...table].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('mentions every field of every response shape', () => {
    const { components } = buildOpenApiDocument() as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const undocumented = Object.entries(components.schemas).flatMap(([id, schema]) =>
      Object.keys(schema.properties ?? {})
        .filter((field) => !new RegExp(`(^|\\W)${field}(\\W|$)`).test(docs))
        .map((field) => `${id}.${field}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('lists the prediction models of the registry', () => {
    const models = /model=([\w|]+)/.exec(docs)?.[1].split('|');
    expect(models).toEqual([...PREDICTION_MODELS]);
  });
});
