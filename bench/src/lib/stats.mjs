/** Small statistics helpers; inputs are arrays of milliseconds. */

export function median(values) {
  return percentile(values, 50);
}

/** Nearest-rank percentile: with 20 samples p95 is the 19th smallest. */
export function percentile(values, p) {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  if (p === 50 && sorted.length % 2 === 0) {
    return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function round(value, decimals = 1) {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Duration of one call of fn, in ms. */
export async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
