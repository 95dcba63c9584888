import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** CPU seconds (user + system) a process has used so far, to the clock tick (1/100 s), from /proc. */
export async function processCpuSeconds(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used so far by all of the postgres user's processes (the server and its backends), from `ps`. */
export async function postgresCpuSeconds() {
  const { stdout } = await run('ps', ['-u', 'postgres', '-o', 'times=']).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter(Boolean).reduce((s, v) => s + Number(v.trim()), 0);
}
