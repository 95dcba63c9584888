// Lint: runs dependency-cruiser (.dependency-cruiser.cjs: file cycles, the lowest layer) and then
// refuses cycles between modules (src/<module>/), counting every import outside tests.
import { execFileSync } from 'node:child_process';

/** depcruise's JSON report; it exits non-zero when it finds violations, with the report on stdout. */
function cruise() {
  try {
    return { out: execFileSync('depcruise', ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    return { out: error.stdout ?? '', err: `${error.stderr ?? ''}${error.message ?? ''}` };
  }
}
// A run that gives no report at all (seen once in CI, under load) is tried once more, and its
// error is shown if it fails again.
let run = cruise();
if (!run.out.trim()) {
  console.error(`depcruise gave no report, trying again:\n${run.err ?? ''}`);
  run = cruise();
}
if (!run.out.trim()) {
  console.error(`depcruise gave no report:\n${run.err ?? ''}`);
  process.exit(1);
}
const result = JSON.parse(run.out);
const problems = result.summary.violations
  .filter((v) => v.rule.severity === 'error')
  .map((v) => `${v.rule.name}: ${v.from} -> ${v.cycle ? v.cycle.map((c) => c.name ?? c).join(' -> ') : v.to}`);

const test = /\.(int-)?spec\.ts$|^src\/test-support\//;
const moduleOf = (file) => (file.split('/').length > 2 ? file.split('/')[1] : null);
const graph = new Map();
for (const m of result.modules) {
  const a = moduleOf(m.source);
  if (!a || !m.source.startsWith('src/') || test.test(m.source)) continue;
  for (const d of m.dependencies) {
    const b = d.resolved.startsWith('src/') ? moduleOf(d.resolved) : null;
    if (b && b !== a) (graph.get(a) ?? graph.set(a, new Map()).get(a)).set(b, `${m.source} -> ${d.resolved}`);
  }
}
// Tarjan's strongly connected components: each one with more than one module is a cycle.
let index = 0;
const stack = [], onStack = new Set(), idx = new Map(), low = new Map();
function visit(v) {
  idx.set(v, index); low.set(v, index++); stack.push(v); onStack.add(v);
  for (const w of graph.get(v)?.keys() ?? []) {
    if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
    else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const component = [];
    let w;
    do { w = stack.pop(); onStack.delete(w); component.push(w); } while (w !== v);
    if (component.length > 1) {
      const edges = component.flatMap((x) => [...(graph.get(x) ?? [])].filter(([y]) => component.includes(y)).map(([, e]) => e));
      problems.push(`module cycle: ${component.join(' <-> ')}\n    ${edges.join('\n    ')}`);
    }
  }
}
for (const v of graph.keys()) if (!idx.has(v)) visit(v);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`boundaries: ${result.summary.totalCruised} files, no cycles, the lowest layer imports no module`);
