// A redis-server child process for `npm start` and the tests, from the machine's package
// (Debian's redis-server). Append-only persistence keeps queued jobs across restarts. It listens
// on 127.0.0.1 only and asks for a password: random, made on first start, kept beside its folder
// (<dir>-password, mode 600) and handed to the server in a config file of the same mode, so it
// never shows in the process list.
import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { portInUse } from './free-port';
import { describeExit, spawnManaged } from './managed-process';
import type { RunningService } from './postgres';
import { readOrCreateSecret } from './secrets';
import { ensureSystemPackages, REDIS_SERVER } from './system-packages';

export interface RedisOptions {
  /** Folder for the append-only files; kept across restarts. */
  dir: string;
  port: number;
  log?: (line: string) => void;
  /** Run in its own process group (see ManagedProcessOptions.detached). */
  detached?: boolean;
}

const START_TIMEOUT_MS = 20_000;

/** Where the password of the Redis whose data is in `dir` is kept: .horizon/redis-password. */
export function redisPasswordFile(dir: string): string {
  return join(dirname(dir), `${basename(dir)}-password`);
}

/** True once the server answers an authenticated PING. */
function ping(port: number, password: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(500);
    socket.on('connect', () => socket.write(`AUTH ${password}\r\nPING\r\n`));
    socket.on('data', (data) => {
      answer += data.toString();
      if (!answer.includes('\r\n', answer.indexOf('\r\n') + 2)) return; // both replies
      socket.destroy();
      resolve(answer.startsWith('+OK') && answer.includes('+PONG'));
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function startRedis(options: RedisOptions): Promise<RunningService> {
  const { dir, port, log = () => {} } = options;
  ensureSystemPackages([REDIS_SERVER], log);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Otherwise the PING below could be answered by another server.
  if (await portInUse(port)) {
    throw new Error(
      `Cannot start redis-server: port ${port} is already in use. Stop what listens there or pick another port.`,
    );
  }
  const { value: password } = readOrCreateSecret(redisPasswordFile(dir));
  const config = join(dir, 'horizon.conf');
  writeFileSync(config, `requirepass ${password}\n`, { mode: 0o600 });

  const recent: string[] = [];
  const server = spawnManaged(
    'redis',
    'redis-server',
    [
      config,
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--protected-mode',
      'yes',
    ],
    {
      detached: options.detached,
      // On SIGTERM redis-server flushes the append-only file and exits.
      stopSignal: 'SIGTERM',
      onLine: (line) => {
        recent.push(line);
        if (recent.length > 30) recent.shift();
        log(line);
      },
    },
  );
  let hasExited = false;
  void server.exited.then(() => (hasExited = true));

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!hasExited && Date.now() < deadline) {
    if (await ping(port, password)) {
      return {
        url: `redis://:${password}@127.0.0.1:${port}`,
        pid: server.pid,
        exited: server.exited,
        stop: async () => {
          await server.stop();
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exitedEarly = hasExited;
  const status = await server.stop();
  const why = exitedEarly ? `it exited with ${describeExit(status)}` : `no answer within ${START_TIMEOUT_MS / 1000} s`;
  throw new Error(`redis-server did not start on port ${port} (${why}). Its last output:\n${recent.join('\n')}`);
}
