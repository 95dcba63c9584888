/** Prints a scenario's metrics next to its baseline and targets. Never fails: benchmarks inform, tests assert. */
export function printReport({ scenario, metrics, baseline, targets = {} }) {
  const rows = Object.entries(metrics).map(([name, value]) => {
    const before = baseline?.result?.metrics?.[name];
    const target = targets[name];
    return [
      name,
      format(value),
      before === undefined ? '–' : format(before),
      before === undefined || before === 0 ? '–' : signedPercent((value - before) / before),
      target ? describeTarget(target) : '',
      target ? (meets(value, target) ? 'met' : 'MISSED') : '',
    ];
  });
  const header = ['metric', 'value', 'baseline', 'delta', 'target', ''];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');

  console.log(
    `\n${scenario}${baseline ? ` (baseline: ${baseline.result.date}, ${baseline.source})` : ' (no baseline yet)'}`,
  );
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  const missed = Object.entries(targets).filter(
    ([name, target]) => name in metrics && !meets(metrics[name], target),
  );
  console.log(
    missed.length === 0 ? 'All targets met.' : `Targets missed: ${missed.map(([name]) => name).join(', ')}`,
  );
  return missed.length === 0;
}

export function meets(value, target) {
  return (
    (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min)
  );
}

function describeTarget(target) {
  return [
    target.min !== undefined ? `≥ ${target.min}` : '',
    target.max !== undefined ? `≤ ${target.max}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function format(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function signedPercent(fraction) {
  const percent = fraction * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
}
