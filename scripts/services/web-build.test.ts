import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIsCurrent, sourceHash } from './web-build';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'horizon-build-hash-'));
  mkdirSync(join(root, 'app', 'runs'), { recursive: true });
  mkdirSync(join(root, 'lib'), { recursive: true });
  writeFileSync(join(root, 'app', 'runs', 'page.tsx'), 'export default function Page() {}');
  writeFileSync(join(root, 'lib', 'format.ts'), 'export const x = 1;');
  writeFileSync(join(root, 'next.config.js'), 'export default {};');
  return root;
}

describe('sourceHash', () => {
  it('changes when a source file changes, is added or is renamed', () => {
    const root = project();
    const original = sourceHash(root);
    expect(sourceHash(root)).toBe(original);

    writeFileSync(join(root, 'lib', 'format.ts'), 'export const x = 2;');
    const edited = sourceHash(root);
    expect(edited).not.toBe(original);

    writeFileSync(join(root, 'app', 'layout.tsx'), 'export default function Layout() {}');
    const added = sourceHash(root);
    expect(added).not.toBe(edited);

    writeFileSync(join(root, 'next.config.js'), 'export default { poweredByHeader: false };');
    expect(sourceHash(root)).not.toBe(added);
  });

  it('ignores tests and files outside the build inputs', () => {
    const root = project();
    const original = sourceHash(root);
    writeFileSync(join(root, 'lib', 'format.test.ts'), 'test');
    writeFileSync(join(root, 'lib', 'format.int.test.ts'), 'test');
    mkdirSync(join(root, 'e2e'));
    writeFileSync(join(root, 'e2e', 'smoke.spec.ts'), 'test');
    expect(sourceHash(root)).toBe(original);
  });
});

describe('buildIsCurrent', () => {
  it('needs a build and a recorded hash that matches the sources', () => {
    const root = project();
    expect(buildIsCurrent(root)).toBe(false);
    mkdirSync(join(root, '.next'));
    writeFileSync(join(root, '.next', 'BUILD_ID'), 'abc');
    expect(buildIsCurrent(root)).toBe(false);
    mkdirSync(join(root, '.horizon'));
    writeFileSync(join(root, '.horizon', 'build-hash'), `${sourceHash(root)}\n`);
    expect(buildIsCurrent(root)).toBe(true);
    writeFileSync(join(root, 'lib', 'format.ts'), 'export const x = 3;');
    expect(buildIsCurrent(root)).toBe(false);
  });
});
