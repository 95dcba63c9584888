#!/usr/bin/env node
// Writes a synthetic electoral roll (docs/roll-format.md) with valid synthetic personal numbers
// (Skatteetaten's Test-Norge form: month + 80), so no line can be a real person.
//   npm run gen:roll -- --voters 5000000 [--out .data/roll.csv] [--own 9901] [--own-share 0.02] [--seed 1]
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const voters = Number(args.voters ?? 10000);
const out = args.out ?? `.data/roll-${voters}.csv`;
const own = args.own ?? '9901';
const ownShare = Number(args['own-share'] ?? 0.02);
let seed = Number(args.seed ?? 1) >>> 0;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const control = (d, w) => {
  const r = 11 - (w.reduce((s, x, i) => s + x * d[i], 0) % 11);
  return r === 11 ? 0 : r;
};
const GIVEN = ['Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Øyvind', 'Håkon', 'Åse', 'Sindre', 'Nora'];
const FAMILY = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Sæther', 'Strøm', 'Ødegård', 'Bråten', 'Lien', 'Dahl', 'Mæland'];
const OTHER = ['0301', '1103', '1108', '1508', '1804', '3101', '3201', '3301', '3403', '3905', '4001', '4204', '4601', '5001', '5501', '5601'];
const STREETS = ['Storgata', 'Kirkeveien', 'Skolegata', 'Fjordveien', 'Strandgata', 'Bakkeveien'];

// Birth dates 1930–2007, days 1–28 to keep every date valid; the individual number gives the
// century (docs/domain.md §5): III 000–499 for the 1900s, 500–999 for 2000–2039.
const dates = [];
for (let y = 1930; y <= 2007; y++) for (let m = 1; m <= 12; m++) for (let d = 1; d <= 28; d++) dates.push([y, m, d]);

mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
const stream = createWriteStream(out);
const write = (s) => (stream.write(s) ? Promise.resolve() : new Promise((r) => stream.once('drain', r)));
await write('fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets\n');
let written = 0;
let buf = '';
for (let k = 0; written < voters; k++) {
  const [y, m, d] = dates[k % dates.length];
  const ind = Math.floor(k / dates.length);
  if (ind > 499) throw new Error('too many voters for this generator');
  const iii = y >= 2000 ? 500 + ind : ind;
  const digits = [Math.floor(d / 10), d % 10, Math.floor((m + 80) / 10), (m + 80) % 10, Math.floor((y % 100) / 10), y % 10, Math.floor(iii / 100), Math.floor(iii / 10) % 10, iii % 10];
  const k1 = control(digits, W1);
  if (k1 === 10) continue;
  const k2 = control([...digits, k1], W2);
  if (k2 === 10) continue;
  const pn = [...digits, k1, k2].join('');
  const kommune = rand() < ownShare ? own : OTHER[Math.floor(rand() * OTHER.length)];
  const given = GIVEN[Math.floor(rand() * GIVEN.length)];
  const family = FAMILY[Math.floor(rand() * FAMILY.length)];
  const birth = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const address = `${STREETS[Math.floor(rand() * STREETS.length)]} ${1 + Math.floor(rand() * 120)}`;
  const krets = `000${1 + Math.floor(rand() * 8)} Krets ${1 + Math.floor(rand() * 8)}`;
  buf += `${pn};${given};${family};${birth};${address};${kommune};${krets}\n`;
  written++;
  if (buf.length > 1 << 20) {
    await write(buf);
    buf = '';
  }
}
await write(buf);
await new Promise((r) => stream.end(r));
console.log(`Wrote ${written} voters to ${out}`);
