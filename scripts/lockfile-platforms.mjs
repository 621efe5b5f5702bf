// `npm run lockfile:platforms`: adds the other platforms' optional packages to package-lock.json.
//
// Packages such as next and msgpackr-extract ship their native parts as optional dependencies, one
// per OS/CPU (`@next/swc-darwin-arm64`, …). The registry this project is developed against serves
// only the Linux builds, so `npm install` here leaves the others out of the lockfile, and `npm ci`
// then refuses the lockfile as out of sync with package.json — on every machine. This script adds
// an entry (name, version, os, cpu) for each missing one; npm skips them on other platforms and
// fetches them by version where they apply. Run it after `npm install` changes the lockfile.
import { readFileSync, writeFileSync } from 'node:fs';

const OSES = ['darwin', 'win32', 'linux', 'freebsd', 'openbsd', 'android', 'sunos', 'aix'];
const CPUS = ['arm64', 'x64', 'arm', 'ia32', 'riscv64', 'ppc64', 's390x', 'loong64'];

/** Reads os and cpu from a platform package name such as `swc-win32-arm64-msvc`. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = OSES.find((o) => parts.includes(o));
  const cpu = CPUS.find((c) => parts.includes(c));
  return os && cpu ? { os, cpu } : null;
}

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const added = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ''}node_modules/${name}`;
    if (lock.packages[`node_modules/${name}`] || lock.packages[nested]) continue;
    const platform = platformOf(name);
    // Only exact versions can be pinned without registry metadata; platform packages use them.
    if (!platform || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) continue;
    lock.packages[`node_modules/${name}`] = { version, cpu: [platform.cpu], optional: true, os: [platform.os] };
    added.push(`${name}@${version}`);
  }
}
if (added.length) {
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: added ${added.length} platform package(s):\n  ${added.join('\n  ')}`);
} else {
  console.log('package-lock.json already lists every platform package.');
}
