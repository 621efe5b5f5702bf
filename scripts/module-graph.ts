// The static module graph of the project's TypeScript: what a module loads when it loads (value
// imports and re-exports; type-only ones left out, dynamic import() not followed). Tests use it to
// keep packages out of a graph: server code out of the browser bundle (browser-imports.test.ts),
// TensorFlow.js out of the classical models' worker thread (thread-imports.test.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = process.cwd();

export function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Module specifiers `file` imports for their values (type-only imports and exports left out). */
export function valueImports(file: string): string[] {
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

export function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? specifier.slice(2) : join(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile())
      return relative(ROOT, join(ROOT, candidate));
  }
  return null;
}

/** One module or package reached from the entries, with the chain of modules that imports it. */
export interface Reached {
  /** Project files (relative paths) reached, each with its chain from an entry. */
  modules: Map<string, string[]>;
  /** Package and built-in specifiers imported, each with the first chain that imports it. */
  packages: Map<string, string[]>;
}

/** Every module reachable from `entries` by static value imports, and every package they import. */
export function reachableFrom(entries: readonly string[]): Reached {
  const modules = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const queue = entries.map((file) => ({ file, chain: [file] }));
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    if (modules.has(file)) continue;
    modules.set(file, chain);
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith('@/') || specifier.startsWith('.')) {
        const target = resolveLocal(file, specifier);
        if (target && /\.tsx?$/.test(target)) queue.push({ file: target, chain: [...chain, target] });
      } else if (!packages.has(specifier)) {
        packages.set(specifier, [...chain, specifier]);
      }
    }
  }
  return { modules, packages };
}
