import type { Metadata } from 'next';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { ApiReference, type OpenApiDocument } from './api-reference';

export const metadata: Metadata = { title: 'API' };

// Rendered from the same document GET /api/openapi.json serves; no external assets.
export default function Page() {
  return <ApiReference document={buildOpenApiDocument() as unknown as OpenApiDocument} />;
}
