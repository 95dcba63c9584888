#!/usr/bin/env node
/**
 * Runs benchmark scenarios: `node src/run.mjs` runs all, `node src/run.mjs pdf` only those named.
 * Each writes bench/results/<name>.json (not with --no-write, for experiments) and prints its figures against
 * the committed baseline and its targets. Missed targets are reported, not fatal; a scenario that throws makes
 * the exit code 1.
 */
import { cpus } from 'node:os';
import { printReport } from './lib/report.mjs';
import { readBaseline, resultPath, writeResult } from './lib/results.mjs';
import { scenarios } from './scenarios/index.mjs';

const args = process.argv.slice(2);
const write = !args.includes('--no-write');
const wanted = args.filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !scenarios.some((scenario) => scenario.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown scenario: ${unknown.join(', ')}. Available: ${scenarios.map((s) => s.name).join(', ')}`,
  );
  process.exit(2);
}
const selected =
  wanted.length > 0 ? scenarios.filter((scenario) => wanted.includes(scenario.name)) : scenarios;

console.log(`Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`);
let failed = false;
for (const scenario of selected) {
  console.log(`\n▶ ${scenario.name}: ${scenario.description}`);
  const baseline = readBaseline(scenario.name);
  try {
    const { metrics, context } = await scenario.run({ log: (message) => console.log(`  ${message}`) });
    printReport({ scenario: scenario.name, metrics, baseline, targets: scenario.targets });
    if (write) {
      writeResult(scenario.name, metrics, context);
      console.log(`Wrote ${resultPath(scenario.name)}`);
    }
  } catch (error) {
    failed = true;
    console.error(`✖ ${scenario.name} failed:`, error);
  }
}
process.exit(failed ? 1 : 0);
