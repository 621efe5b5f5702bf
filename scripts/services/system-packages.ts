// Debian packages Horizon needs on the machine: redis-server (when no REDIS_URL is given) and
// chromium (for the end-to-end tests). As root on Debian they are installed with apt; anywhere
// else the error says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemPackage {
  /** Executable that proves the package is there. */
  binary: string;
  /** Debian package name. */
  apt: string;
  /** What it is for, for the error message. */
  purpose: string;
}

export const REDIS_SERVER: SystemPackage = {
  binary: 'redis-server',
  apt: 'redis-server',
  purpose: 'the job queue (or set REDIS_URL)',
};
export const CHROMIUM: SystemPackage = { binary: 'chromium', apt: 'chromium', purpose: 'the end-to-end tests' };

export function findBinary(name: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = result.stdout.trim();
  return result.status === 0 && path ? path : null;
}

const canUseApt = () => process.getuid?.() === 0 && existsSync('/etc/debian_version') && findBinary('apt-get') !== null;

/** Installs whatever is missing, or throws with the command a person should run. */
export function ensureSystemPackages(packages: SystemPackage[], log: (line: string) => void = console.log): void {
  const missing = packages.filter((p) => !findBinary(p.binary));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.apt);
  if (!canUseApt()) {
    const list = missing.map((p) => `  - ${p.binary} (${p.purpose})`).join('\n');
    throw new Error(
      `Missing programs:\n${list}\nInstall them, e.g. on Debian/Ubuntu: sudo apt-get install -y ${names.join(' ')}` +
        ' (on macOS: brew install redis chromium), then run the command again.',
    );
  }
  log(`Installing ${names.join(', ')} with apt-get (one-time)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env });
  const still = missing.filter((p) => !findBinary(p.binary));
  if (still.length) throw new Error(`apt-get finished but ${still.map((p) => p.binary).join(', ')} is still missing.`);
}
