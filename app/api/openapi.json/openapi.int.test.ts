import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { callJson } from '@/test/api';
import { GET } from './route';

describe('GET /api/openapi.json', () => {
  it('serves the document built from the schemas, without credentials', async () => {
    const { status, body } = await callJson(GET, { path: '/api/openapi.json', as: null });
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining(['RunForecast', 'FilePreview', 'Point']),
    );
  });
});
