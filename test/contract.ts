// The API contract, checked on real answers: a JSON body must match the response schema the
// OpenAPI document (lib/api/openapi.ts, built from the zod schemas in lib/api/schemas) gives for
// its operation and status. callJson in test/api.ts runs every answer through it, so a route whose
// answer drifts from its schema — or a schema that drifts from the route — fails the route's
// integration tests. Ajv validates the JSON Schema 2020-12 the document is written in.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { buildOpenApiDocument, OPERATIONS, type OperationSpec } from '@/lib/api/openapi';

type JsonSchema = Record<string, unknown>;

const document = buildOpenApiDocument() as {
  components: JsonSchema;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>
  >;
};
// Formats (date-time) are left to the zod schemas; unknown keywords (OpenAPI's) are ignored.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
// The components once, under their own id: every response schema refers to them by it, so they
// are compiled once rather than once per response schema.
const COMPONENTS_ID = 'https://horizon.test/openapi.json';
const absolute = (schema: JsonSchema): JsonSchema =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${COMPONENTS_ID}#/components/`)) as JsonSchema;
ajv.addSchema({ $id: COMPONENTS_ID, components: absolute(document.components) });
const validators = new Map<string, ValidateFunction>();

function operationFor(method: string, path: string): OperationSpec | undefined {
  const pathname = new URL(path, 'http://horizon.test').pathname;
  return OPERATIONS.find(
    (operation) =>
      operation.method === method.toLowerCase() &&
      new RegExp(`^${operation.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(pathname),
  );
}

function validatorFor(key: string, schema: JsonSchema): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(absolute(schema));
    validators.set(key, validate);
  }
  return validate;
}

function schemaFor(
  operation: OperationSpec,
  status: number,
): { key: string; schema: JsonSchema | undefined } | 'undocumented' {
  const documented = document.paths[operation.path][operation.method].responses[String(status)];
  if (!documented) {
    if (status < 400) return 'undocumented';
    return { key: 'error', schema: { $ref: '#/components/schemas/Error' } };
  }
  return {
    key: `${operation.method} ${operation.path} ${status}`,
    schema: documented.content?.['application/json']?.schema,
  };
}

// Compile every response schema up front (about a second), so no check slows the test that
// triggers it, e.g. one polling a short-lived upload's progress.
for (const operation of OPERATIONS) {
  for (const status of Object.keys(document.paths[operation.path][operation.method].responses)) {
    const found = schemaFor(operation, Number(status));
    if (found !== 'undocumented' && found.schema) validatorFor(found.key, found.schema);
  }
}

/** Why `body` does not match `schema`, or null when it does. */
function mismatch(key: string, schema: JsonSchema, body: unknown): string | null {
  const validate = validatorFor(key, schema);
  if (validate(body)) return null;
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message}`).join('; ');
}

/**
 * Throws when `body` is not what the OpenAPI document promises for the call answering `status`:
 * an undocumented route or success status, or a body that does not match its schema. Error
 * statuses an operation does not list must still be the error envelope. Without a `path` (tests
 * that call a handler with `params` only, or with a query-only path) the body must match one of the operations with that
 * method and that many path parameters: their envelopes differ ({ run }, { runs }, { dataset }…).
 */
export function assertMatchesContract(
  method: string,
  path: string | undefined,
  status: number,
  body: unknown,
  params: Record<string, string> = {},
): void {
  const exact = path ? operationFor(method, path) : undefined;
  const candidates = exact
    ? [exact]
    : OPERATIONS.filter(
        (operation) =>
          operation.method === method.toLowerCase() &&
          [...operation.path.matchAll(/\{\w+\}/g)].length === Object.keys(params).length,
      );
  const call = `${method} ${path ?? `(a route with ${Object.keys(params).length} path parameters)`} ${status}`;
  if (candidates.length === 0)
    throw new Error(`${call}: no such operation in the OpenAPI document (lib/api/openapi.ts).`);
  const problems: string[] = [];
  for (const operation of candidates) {
    const found = schemaFor(operation, status);
    if (found === 'undocumented') {
      problems.push(`${operation.method.toUpperCase()} ${operation.path} does not list status ${status}`);
      continue;
    }
    if (!found.schema) return; // not a JSON answer (CSV, event stream, empty)
    const why = mismatch(found.key, found.schema, body);
    if (why === null) return;
    problems.push(`${operation.method.toUpperCase()} ${operation.path}: ${why}`);
  }
  throw new Error(`${call}: the answer does not match the OpenAPI document. ${problems.join(' | ')}`);
}
