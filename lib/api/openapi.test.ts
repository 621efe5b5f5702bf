import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

const API_DIR = join(process.cwd(), 'app', 'api');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

/** app/api/runs/[id]/events/route.ts → /api/runs/{id}/events */
function apiPath(file: string): string {
  const folders = relative(join(process.cwd(), 'app'), file).split(sep).slice(0, -1);
  return '/' + folders.map((folder) => folder.replace(/^\[(\w+)\]$/, '{$1}')).join('/');
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(([, method]) => method.toLowerCase());
}

type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, unknown>; parameters?: { name: string; in: string }[]; requestBody?: any }
    >
  >;
  components: { schemas: Record<string, unknown> };
};

const document = buildOpenApiDocument() as Document;

describe('the OpenAPI document', () => {
  it('documents every route file under app/api with each method it exports', () => {
    const files = routeFiles(API_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const path = apiPath(file);
      expect(document.paths, `${relative(process.cwd(), file)} has no path ${path}`).toHaveProperty([path]);
      expect(Object.keys(document.paths[path]).sort(), path).toEqual(exportedMethods(file).sort());
    }
    // ...and nothing that does not exist.
    expect(Object.keys(document.paths).sort()).toEqual(files.map(apiPath).sort());
  });

  it('is a structurally valid OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    for (const [path, operations] of Object.entries(document.paths)) {
      expect(path.startsWith('/')).toBe(true);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      for (const operation of Object.values(operations)) {
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
        for (const status of Object.keys(operation.responses)) expect(status).toMatch(/^[1-5]\d\d$/);
        const inPath = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(inPath).toEqual(templated);
      }
    }
    // Every $ref points at a schema the document defines.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map(([, target]) => target);
    expect(refs.length).toBeGreaterThan(0);
    for (const target of refs) {
      expect(target).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas).toHaveProperty([target.split('/').at(-1)!]);
    }
  });

  it('converts the request schemas the routes parse with', () => {
    const createRun = document.paths['/api/runs'].post.requestBody.content['application/json'].schema;
    expect(createRun.required).toEqual(['seriesId']);
    expect(createRun.additionalProperties).toBe(false);
    expect(createRun.properties.epochs).toMatchObject({ type: 'integer', minimum: 1, maximum: 500 });
    const points = document.paths['/api/series/{id}/points'].get.parameters!.map((p) => p.name);
    expect(points).toEqual(['id', 'from', 'to', 'max']);
    const upload = document.paths['/api/datasets'].post.requestBody.content['multipart/form-data'].schema;
    expect(upload.required).toEqual(['file']);
    expect(upload.properties.gapPolicy.enum).toEqual(['leave', 'linear', 'ffill', 'zero']);
    expect(document.components.schemas).toHaveProperty('Run');
  });
});
