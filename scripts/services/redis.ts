// A redis-server child process for `npm start` and the tests, from the machine's package
// (Debian's redis-server). Append-only persistence keeps queued jobs across restarts.
import { mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { portInUse } from './free-port';
import { describeExit, spawnManaged } from './managed-process';
import type { RunningService } from './postgres';
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

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
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
  await mkdir(dir, { recursive: true });
  // Otherwise the PING below could be answered by another server.
  if (await portInUse(port)) throw new Error(`Cannot start redis-server: port ${port} is already in use.`);

  const recent: string[] = [];
  const server = spawnManaged(
    'redis',
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'yes'],
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
    if (await ping(port)) {
      return {
        url: `redis://127.0.0.1:${port}`,
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
