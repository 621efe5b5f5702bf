// The production build of the web app (`next build`), redone only when its sources changed.
//
// `.horizon/build-hash` records a hash of everything the build reads; `npm start` rebuilds when
// there is no build yet or the hash differs, so a `git pull` followed by `npm start` just works
// while an unchanged checkout starts in seconds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describeExit, spawnManaged } from './managed-process';

/** What `next build` reads. Tests are left out: they don't change the build. */
const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
  'instrumentation.ts',
  'proxy.ts',
  'middleware.ts',
];
const IS_TEST = /\.test\.tsx?$/;

export const BUILD_HASH_FILE = '.horizon/build-hash';

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !IS_TEST.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Hash over the paths and contents of the build inputs under `root`. */
export function sourceHash(root = process.cwd()): string {
  const hash = createHash('sha256');
  const files = BUILD_INPUTS.flatMap((input) => filesUnder(join(root, input)))
    .map((file) => relative(root, file))
    .sort();
  for (const file of files) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

function recordedHash(root: string): string | null {
  const file = join(root, BUILD_HASH_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

export function buildIsCurrent(root = process.cwd()): boolean {
  return existsSync(join(root, '.next', 'BUILD_ID')) && recordedHash(root) === sourceHash(root);
}

/** Runs `next build` and records the hash of the sources it built from. */
export async function buildWeb(options: {
  root?: string;
  env?: Record<string, string>;
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
}): Promise<void> {
  const root = resolve(options.root ?? process.cwd());
  // Hashed before building: a file saved during the build makes the next start build again.
  const hash = sourceHash(root);
  const build = spawnManaged('build', process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    onLine: options.onLine,
  });
  const status = await build.exited;
  if (status.code !== 0) throw new Error(`next build failed (${describeExit(status)}); see the [build] lines above.`);
  const hashFile = join(root, BUILD_HASH_FILE);
  await mkdir(dirname(hashFile), { recursive: true });
  await writeFile(hashFile, `${hash}\n`);
}

/** Builds unless the existing build matches the sources. Returns whether it built. */
export async function ensureWebBuild(
  options: Parameters<typeof buildWeb>[0] & { log: (message: string) => void },
): Promise<boolean> {
  const root = resolve(options.root ?? process.cwd());
  if (buildIsCurrent(root)) return false;
  options.log(
    existsSync(join(root, '.next', 'BUILD_ID'))
      ? 'Sources changed since the last build: building the web app...'
      : 'Building the web app (first start, takes a minute)...',
  );
  await buildWeb(options);
  return true;
}
