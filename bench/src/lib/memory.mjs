import { readdirSync, readFileSync } from 'node:fs';

/**
 * Peak memory of this Node process plus a browser's whole process tree, from /proc (Linux only), while a
 * burst runs. RSS (cheap, from status) is sampled every `rssEveryMs`; PSS (from smaps_rollup, ~0.5 ms per
 * process) and the process tree only every `pssEveryMs`, so sampling does not steal the CPU it measures.
 * The RSS sum counts shared pages (Chromium's code) once per process and so overstates; PSS divides them.
 */
export function sampleMemory(rootPid, { rssEveryMs = 25, pssEveryMs = 250 } = {}) {
  let pids = [];
  const peak = { rssMb: 0, pssMb: 0, processes: 0 };
  const refresh = () => {
    pids = [process.pid, ...descendantsAndSelf(rootPid())];
    peak.processes = Math.max(peak.processes, pids.length);
    peak.pssMb = Math.max(peak.pssMb, sum(pids, pssKb) / 1024);
  };
  const sampleRss = () => {
    peak.rssMb = Math.max(peak.rssMb, sum(pids, rssKb) / 1024);
  };
  refresh();
  sampleRss();
  const timers = [setInterval(sampleRss, rssEveryMs), setInterval(refresh, pssEveryMs)];
  return {
    stop() {
      for (const timer of timers) clearInterval(timer);
      refresh();
      sampleRss();
      return { ...peak };
    },
  };
}

function sum(pids, read) {
  return pids.reduce((total, pid) => total + read(pid), 0);
}

function rssKb(pid) {
  const status = readProc(`/proc/${pid}/status`);
  const match = status && /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) : 0;
}

function pssKb(pid) {
  const rollup = readProc(`/proc/${pid}/smaps_rollup`);
  const match = rollup && /^Pss:\s+(\d+) kB/m.exec(rollup);
  return match ? Number(match[1]) : 0;
}

function descendantsAndSelf(rootPid) {
  if (!rootPid) return [];
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    if (!stat) continue;
    // The command name may contain spaces and parentheses; the fields after it start after the last ')'.
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

function readProc(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process exited between listing and reading
  }
}
