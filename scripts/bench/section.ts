// A benchmark section: one area measured (forecast throughput, a full run, later ingest or API
// latency), one file under scripts/bench/, registered in scripts/bench.ts.
export interface BenchSection {
  /** Selects the section on the command line: `npm run bench -- <name>`. */
  name: string;
  description: string;
  /** Measures and returns the readable report to print. */
  run(): Promise<string>;
}
