// A redis-server child process for `npm start` and the tests, from the machine's package
// (Debian's redis-server). Append-only persistence keeps queued jobs across restarts.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { ensureSystemPackages, REDIS_SERVER } from './system-packages';
import type { RunningService } from './postgres';

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

export async function startRedis(options: { dir: string; port: number; log?: (line: string) => void }): Promise<RunningService> {
  const { dir, port } = options;
  ensureSystemPackages([REDIS_SERVER], options.log);
  await mkdir(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if (await ping(port)) {
      return {
        url: `redis://127.0.0.1:${port}`,
        stop: async () => {
          if (child.exitCode === null) {
            child.kill('SIGTERM');
            await exited;
          }
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}:\n${output.trim()}`);
}
