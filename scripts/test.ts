// `npm test`: every check Horizon has, in the order that fails fastest — typecheck, lint, unit tests,
// integration and fault tests (real PostgreSQL + Redis), the production build, end-to-end tests (real
// Chromium). Stops at the first failing stage; ends with a summary and the line `N passed, N failed`.
import { spawn, type ChildProcess } from 'node:child_process';
import { buildWeb } from './services/web-build';
import { CHROMIUM, ensureSystemPackages, REDIS_SERVER } from './services/system-packages';

interface Stage {
  name: string;
  /** Output to the terminal, or into `output` when given. */
  run: (output?: string[]) => Promise<void>;
  /**
   * Runs at the same time as the stage before it, its output held back until it ends. For two
   * stages that each keep about one core busy (tsc; ESLint and Prettier; the integration and the
   * fault tests), which on a 2-core machine then take about the time of the longer one instead of
   * their sum.
   */
  besidePrevious?: boolean;
}

type Outcome = 'passed' | 'failed' | 'skipped';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const running = new Set<ChildProcess>();

/**
 * Runs a project binary; rejects on a non-zero exit. Its output goes to the terminal, or, given
 * `output`, is collected there (for a stage that runs beside another one, printed when it ends).
 */
function command(bin: string, ...args: string[]): (output?: string[]) => Promise<void> {
  return (output) =>
    new Promise((resolve, reject) => {
      const child = spawn(`node_modules/.bin/${bin}`, args, {
        stdio: ['ignore', output ? 'pipe' : 'inherit', output ? 'pipe' : 'inherit'],
        env,
      });
      running.add(child);
      child.stdout?.on('data', (chunk: Buffer) => output!.push(chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => output!.push(chunk.toString()));
      child.once('error', reject);
      child.once('close', (code, signal) => {
        running.delete(child);
        if (code === 0) resolve();
        else reject(new Error(`${bin} ${args.join(' ')} exited with ${signal ?? `code ${code}`}`));
      });
    });
}

// Route types (PageProps, typed links) come from Next; a clean checkout has none until built. Both
// the typecheck and ESLint (through tsconfig.json) read them, so both wait for this one run.
let typegen: Promise<void> | undefined;
const routeTypes = (output?: string[]) => (typegen ??= command('next', 'typegen')(output));

const stages: Stage[] = [
  {
    name: 'system packages',
    // redis-server for the integration and e2e stages, chromium for e2e.
    run: async () => ensureSystemPackages([REDIS_SERVER, CHROMIUM]),
  },
  {
    name: 'typecheck',
    run: async (output) => {
      await routeTypes(output);
      await command('tsc', '--noEmit')(output);
    },
  },
  // ESLint (layers, cycles, typescript-eslint) and Prettier's check: `npm run lint`. Beside the
  // typecheck: neither writes anything, and both start once the route types are written.
  {
    name: 'lint',
    besidePrevious: true,
    run: async (output) => {
      await routeTypes();
      await command('eslint', '.')(output);
      await command('prettier', '--check', '.')(output);
    },
  },
  { name: 'unit', run: command('vitest', 'run', '--project', 'unit') },
  { name: 'integration', run: command('vitest', 'run', '--project', 'integration') },
  // The fault tests (their own services and worker processes, test/faults): beside the integration
  // files, each suite about one core busy. Vitest runs every project that has one worker in a single
  // queue, one file at a time, hence a vitest of its own.
  { name: 'faults', besidePrevious: true, run: command('vitest', 'run', '--project', 'faults') },
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
  for (const child of running) child.kill('SIGTERM');
});

const results: { name: string; outcome: Outcome; ms?: number }[] = [];

/** Runs one stage, recording its outcome; `output` as for Stage.run. */
async function runStage(stage: Stage, output?: string[]): Promise<void> {
  const started = Date.now();
  const result: (typeof results)[number] = { name: stage.name, outcome: 'passed' };
  results.push(result);
  try {
    await stage.run(output);
  } catch (error) {
    result.outcome = 'failed';
    const message = `\n✖ ${stage.name}: ${error instanceof Error ? error.message : String(error)}\n`;
    if (output) output.push(message);
    else console.error(message);
  }
  result.ms = Date.now() - started;
}

for (let i = 0; i < stages.length; i++) {
  // A stage and the ones beside it start together; the first prints as it goes, the others after.
  const group = [stages[i]];
  while (stages[i + 1]?.besidePrevious) group.push(stages[++i]);
  if (interrupted || results.some((r) => r.outcome === 'failed')) {
    for (const stage of group) results.push({ name: stage.name, outcome: 'skipped' });
    continue;
  }
  const outputs = group.map((_, index) => (index === 0 ? undefined : []));
  console.log(`\n━━━ ${group.map((stage) => stage.name).join(' + ')} ━━━\n`);
  await Promise.all(group.map((stage, index) => runStage(stage, outputs[index])));
  for (const [index, output] of outputs.entries()) {
    if (output) process.stdout.write(`\n━━━ ${group[index].name} (output) ━━━\n\n${output.join('')}`);
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
