// The layer rules of eslint.config.js, run by ESLint itself on small sources placed in each layer:
// the browser's code takes its shapes from the contract (lib/api/schemas) and never from lib/db or
// the domain folders, not even type-only; the pure layers import no server code.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of the import-boundary rule for `source` placed at `filePath`. */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

const use = (name: string) => `\nexport type Used = ${name};\n`;

describe('the layers of eslint.config.js', () => {
  it('refuses lib/db in browser code, even type-only', async () => {
    for (const file of ['lib/client/probe.ts', 'components/probe.tsx']) {
      const errors = await boundaryErrors(
        file,
        `import type { RunForecast } from '@/lib/db/predictions';${use('RunForecast')}`,
      );
      expect(errors, file).toHaveLength(1);
      expect(errors[0]).toMatch(/contract \(lib\/api\/schemas\)/);
    }
  });

  it('refuses the domain folders in browser code, even type-only', async () => {
    const errors = await boundaryErrors(
      'lib/client/probe.ts',
      `import type { FilePreview } from '@/lib/datasets/preview-dataset';${use('FilePreview')}`,
    );
    expect(errors).toHaveLength(1);
  });

  it('lets browser code take its shapes from the contract', async () => {
    const errors = await boundaryErrors(
      'lib/client/probe.ts',
      `import type { RunForecast, Point } from '@/lib/api/schemas/responses';${use('RunForecast | Point')}`,
    );
    expect(errors).toEqual([]);
  });

  it('keeps lib/ingest pure', async () => {
    const errors = await boundaryErrors(
      'lib/ingest/probe.ts',
      `import { getPool } from '@/lib/db/client';\ngetPool();\n`,
    );
    expect(errors).toHaveLength(1);
  });
}, 120_000);
