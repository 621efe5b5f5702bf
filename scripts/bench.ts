// Benchmarks: `npm run bench` runs every section, `npm run bench -- <name> ...` the named ones.
// Each section lives in scripts/bench/<name>.ts; add new areas (ingest, API latency) there and
// register them below. Numbers depend on the machine and on whatever else runs on it, so the
// header records the load average next to them.
import os from 'node:os';
import { batch } from './bench/batch';
import { classicalReference } from './bench/classical-reference';
import { covariates } from './bench/covariates';
import { evaluation } from './bench/evaluation';
import { forecastRun } from './bench/forecast-run';
import { forecastThroughput } from './bench/forecast-throughput';
import { ingest } from './bench/ingest';
import { stopBenchInstance } from './bench/instance';
import { load } from './bench/load';
import { points } from './bench/points';
import { soak } from './bench/soak';
import type { BenchSection } from './bench/section';

const SECTIONS: readonly BenchSection[] = [
  forecastThroughput,
  forecastRun,
  evaluation,
  classicalReference,
  covariates,
  points,
  load,
  ingest,
  batch,
  soak,
];

function selectSections(names: string[]): BenchSection[] {
  // The soak runs for minutes on purpose: only when named.
  if (names.length === 0) return SECTIONS.filter((s) => s.name !== 'soak');
  const unknown = names.filter((name) => !SECTIONS.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown section ${unknown.join(', ')}; choose from ${SECTIONS.map((s) => s.name).join(', ')}.`);
  }
  return SECTIONS.filter((s) => names.includes(s.name));
}

async function main(): Promise<void> {
  const sections = selectSections(process.argv.slice(2));
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(
    `Horizon benchmarks — ${new Date().toISOString()}\n` +
      `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${load}\n`,
  );
  for (const section of sections) {
    console.log(`== ${section.name}: ${section.description}`);
    const started = performance.now();
    console.log(await section.run());
    console.log(`(section took ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  // The HTTP sections share one throwaway instance; stopping it lets the process exit.
  .finally(stopBenchInstance);
