import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of this Node process plus a browser's whole process tree, read from /proc (Linux only).
 * RSS counts shared pages once per process, so the sum overstates; PSS splits them fairly.
 */
export function treeMemoryMb(rootPid) {
  const pids = [process.pid, ...(rootPid ? descendantsAndSelf(rootPid) : [])];
  let rssKb = 0;
  let pssKb = 0;
  for (const pid of pids) {
    const rollup = readProc(`/proc/${pid}/smaps_rollup`);
    if (!rollup) continue;
    rssKb += field(rollup, 'Rss');
    pssKb += field(rollup, 'Pss');
  }
  return { rssMb: rssKb / 1024, pssMb: pssKb / 1024, processes: pids.length };
}

/** Samples treeMemoryMb every `intervalMs` until stop() is called; returns the peaks. */
export function sampleMemory(rootPid, intervalMs = 25) {
  let peak = { rssMb: 0, pssMb: 0, processes: 0 };
  const sample = () => {
    const now = treeMemoryMb(rootPid());
    peak = {
      rssMb: Math.max(peak.rssMb, now.rssMb),
      pssMb: Math.max(peak.pssMb, now.pssMb),
      processes: Math.max(peak.processes, now.processes),
    };
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

function descendantsAndSelf(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    if (!stat) continue;
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(entry));
  }
  const result = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    result.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}

function field(text, name) {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

function readProc(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process exited between listing and reading
  }
}
