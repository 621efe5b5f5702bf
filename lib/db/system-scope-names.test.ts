// The storage layer's one naming rule (README, Architecture): an exported function that reads or
// writes rows either takes the caller's Scope first, or says in its name that it acts for no one in
// particular (`…AsSystem`: the worker, scripts, or code that has already checked access), or runs
// inside a transaction its caller opened (a pg client or a Prisma transaction first). A new
// unscoped function without the suffix fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = join(process.cwd(), 'lib/db');
/** Connection, transaction and migration plumbing: no entity rows. */
const PLUMBING = new Set(['client.ts', 'transaction.ts', 'migrate.ts']);
const TRANSACTION_CLIENT = /^(pg\.PoolClient|pg\.Pool \| pg\.PoolClient|Prisma\.TransactionClient)$/;

interface ExportedFunction {
  file: string;
  name: string;
  firstParamType: string | null;
  returnsPromise: boolean;
}

function exportedFunctions(file: string): ExportedFunction[] {
  const source = ts.createSourceFile(file, readFileSync(join(DIR, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: ExportedFunction[] = [];
  for (const node of source.statements) {
    if (!ts.isFunctionDeclaration(node) || !node.name) continue;
    const modifiers = ts.getModifiers(node) ?? [];
    if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const isAsync = modifiers.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
    const first = node.parameters[0];
    found.push({
      file,
      name: node.name.text,
      firstParamType: first?.type ? first.type.getText(source) : null,
      returnsPromise: isAsync || (node.type?.getText(source).startsWith('Promise<') ?? false),
    });
  }
  return found;
}

const modules = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !PLUMBING.has(f));
const dataAccess = modules.flatMap(exportedFunctions).filter((f) => f.returnsPromise);

describe('lib/db names its unscoped functions', () => {
  it('finds the data-access functions it checks', () => {
    // A guard on the scan itself: if parsing stopped finding them, the rule below would pass vacuously.
    const names = dataAccess.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['getRun', 'getRunAsSystem', 'listDatasets', 'completeRunAsSystem']));
    expect(dataAccess.length).toBeGreaterThan(50);
  });

  it('every one takes a Scope first, runs in its caller’s transaction, or ends in AsSystem', () => {
    const offenders = dataAccess
      .filter(
        (f) =>
          f.firstParamType !== 'Scope' &&
          !TRANSACTION_CLIENT.test(f.firstParamType ?? '') &&
          !f.name.endsWith('AsSystem'),
      )
      .map((f) => `${f.file}: ${f.name}(${f.firstParamType ?? ''})`);
    expect(offenders).toEqual([]);
  });

  it('no scoped function is also marked AsSystem', () => {
    const both = dataAccess.filter((f) => f.firstParamType === 'Scope' && f.name.endsWith('AsSystem'));
    expect(both.map((f) => f.name)).toEqual([]);
  });
});
