import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = join(BENCH_DIR, 'results');
const REPO_ROOT = join(BENCH_DIR, '..');

export function resultPath(scenario) {
  return join(RESULTS_DIR, `${scenario}.json`);
}

/**
 * The baseline is the committed result (git HEAD), so re-running without committing still compares against
 * what the team agreed on. Outside a git work tree, the file on disk is used.
 */
export function readBaseline(scenario) {
  const path = resultPath(scenario);
  try {
    const gitPath = relative(REPO_ROOT, path).split('\\').join('/');
    const text = execFileSync('git', ['show', `HEAD:${gitPath}`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { source: 'git HEAD', result: JSON.parse(text) };
  } catch {
    try {
      return { source: 'working tree', result: JSON.parse(readFileSync(path, 'utf8')) };
    } catch {
      return undefined;
    }
  }
}

export function writeResult(scenario, metrics, context) {
  const result = {
    scenario,
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    ...(context ? { context } : {}),
    metrics,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(resultPath(scenario), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
