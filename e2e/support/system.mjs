// Starts the built system (apps/api/dist/main.js serving apps/web/dist) the way `npm start` does.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');

/**
 * Spawns the API with Node 24 from node_modules/.bin in a process group of its own, as a shell
 * runs `npm start`; resolves when /api/ready answers 200. `stop()` sends SIGINT to the whole
 * group, as Ctrl-C in a terminal does.
 */
export async function startSystem({ port, env = {}, baseEnv = process.env, readyTimeoutMs = 90_000 }) {
  const child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/node'), [MAIN], {
    cwd: REPO_ROOT,
    env: { ...baseEnv, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 200))]);
    if (early) throw new Error(`The system exited before it was ready (${JSON.stringify(early)}):\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The system did not become ready in ${readyTimeoutMs} ms:\n${output}`);
    }
  }
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGINT');
      return exited;
    },
  };
}
