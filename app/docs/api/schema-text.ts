// One-line readable summaries of JSON Schemas for the API docs page, e.g.
// "integer, 1–500", "one of: csv, json (default json)", "Run[]".
type Schema = Record<string, unknown>;

export function refName(ref: string): string {
  return ref.split('/').at(-1) ?? ref;
}

function bounds(schema: Schema): string | null {
  const { minimum: min, maximum: max, minLength, maxLength } = schema as Record<string, number | undefined>;
  const safe = (n: number | undefined) => (n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
  const [lo, hi] = [safe(min), safe(max)];
  if (lo !== undefined && hi !== undefined) return `${lo}–${hi}`;
  if (lo !== undefined) return `≥ ${lo}`;
  if (hi !== undefined) return `≤ ${hi}`;
  if (minLength !== undefined && minLength > 0) return 'not empty';
  if (maxLength !== undefined) return `at most ${maxLength} characters`;
  return null;
}

export function schemaText(schema: Schema | undefined): string {
  if (!schema) return 'any';
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants) return variants.map(schemaText).join(' or ');
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(`one of: ${schema.enum.map(String).join(', ')}`);
  else if ('const' in schema) parts.push(`"${String(schema.const)}"`);
  else if (schema.type === 'array') parts.push(`${schemaText(schema.items as Schema | undefined)}[]`);
  else if (schema.format === 'date-time') parts.push('ISO 8601 timestamp');
  else if (schema.format === 'binary') parts.push('file');
  else if (typeof schema.type === 'string') parts.push(schema.type);
  else parts.push('any');
  const range = bounds(schema);
  if (range) parts.push(range);
  if ('default' in schema) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}
