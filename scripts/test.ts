// `npm test`: every check Horizon has, in the order that fails fastest — typecheck, lint, unit tests,
// integration tests (real PostgreSQL + Redis), the production build, end-to-end tests (real
// Chromium). Stops at the first failing stage; ends with a summary and the line `N passed, N failed`.
import { spawn, type ChildProcess } from 'node:child_process';
import { buildWeb } from './services/web-build';
import { CHROMIUM, ensureSystemPackages, REDIS_SERVER } from './services/system-packages';

interface Stage {
  name: string;
  run: () => Promise<void>;
}

type Outcome = 'passed' | 'failed' | 'skipped';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
let running: ChildProcess | undefined;

/** Runs a project binary with the terminal as its output; rejects on a non-zero exit. */
function command(bin: string, ...args: string[]): () => Promise<void> {
  return () =>
    new Promise((resolve, reject) => {
      const child = spawn(`node_modules/.bin/${bin}`, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
      running = child;
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        running = undefined;
        if (code === 0) resolve();
        else reject(new Error(`${bin} ${args.join(' ')} exited with ${signal ?? `code ${code}`}`));
      });
    });
}

const stages: Stage[] = [
  {
    name: 'system packages',
    // redis-server for the integration and e2e stages, chromium for e2e.
    run: async () => ensureSystemPackages([REDIS_SERVER, CHROMIUM]),
  },
  {
    name: 'typecheck',
    // Route types (PageProps, typed links) come from Next; a clean checkout has none until built.
    run: async () => {
      await command('next', 'typegen')();
      await command('tsc', '--noEmit')();
    },
  },
  // ESLint (layers, cycles, typescript-eslint) and Prettier's check: `npm run lint`.
  {
    name: 'lint',
    run: async () => {
      await command('eslint', '.')();
      await command('prettier', '--check', '.')();
    },
  },
  { name: 'unit', run: command('vitest', 'run', '--project', 'unit') },
  { name: 'integration', run: command('vitest', 'run', '--project', 'integration') },
  // Through buildWeb so that `npm start` knows this build is current and doesn't redo it.
  {
    name: 'next build',
    run: () =>
      buildWeb({ env, onLine: (line, stream) => (stream === 'stderr' ? console.error(line) : console.log(line)) }),
  },
  { name: 'e2e', run: command('playwright', 'test') },
];

function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}

// The terminal's Ctrl-C reaches the running stage too; it fails, and the summary still prints.
// A SIGTERM is for us alone (a CI timeout): pass it on so the stage stops its servers.
let interrupted = false;
process.on('SIGINT', () => (interrupted = true));
process.on('SIGTERM', () => {
  interrupted = true;
  running?.kill('SIGTERM');
});

const results: { name: string; outcome: Outcome; ms?: number }[] = [];
for (const stage of stages) {
  if (interrupted || results.some((r) => r.outcome === 'failed')) {
    results.push({ name: stage.name, outcome: 'skipped' });
    continue;
  }
  console.log(`\n━━━ ${stage.name} ━━━\n`);
  const started = Date.now();
  try {
    await stage.run();
    results.push({ name: stage.name, outcome: 'passed', ms: Date.now() - started });
  } catch (error) {
    console.error(`\n✖ ${stage.name}: ${error instanceof Error ? error.message : String(error)}`);
    results.push({ name: stage.name, outcome: 'failed', ms: Date.now() - started });
  }
}

const width = Math.max(...results.map((r) => r.name.length));
const mark: Record<Outcome, string> = { passed: '✓', failed: '✖', skipped: '-' };
console.log('\nSummary');
for (const { name, outcome, ms } of results) {
  console.log(`  ${mark[outcome]} ${name.padEnd(width)}  ${ms === undefined ? 'skipped' : formatDuration(ms)}`);
}
const passed = results.filter((r) => r.outcome === 'passed').length;
const failed = results.filter((r) => r.outcome === 'failed').length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || interrupted ? 1 : 0);
