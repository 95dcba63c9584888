const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const control = (d: number[], w: number[]) => {
  const r = 11 - (w.reduce((s, x, i) => s + x * d[i]!, 0) % 11);
  return r === 11 ? 0 : r;
};

/** Valid synthetic personal numbers (month + 80, as Skatteetaten's test persons), born 1950–1999. */
export function syntheticPersonalNumbers(count: number, offset = 0): { personalNumber: string; birthDate: string }[] {
  const out: { personalNumber: string; birthDate: string }[] = [];
  for (let k = offset; out.length < count; k++) {
    const day = 1 + (k % 28);
    const month = 1 + (Math.floor(k / 28) % 12);
    const year = 1950 + (Math.floor(k / 336) % 50);
    const ind = Math.floor(k / 16800) % 500;
    const d = [Math.floor(day / 10), day % 10, Math.floor((month + 80) / 10), (month + 80) % 10, Math.floor((year % 100) / 10), year % 10, Math.floor(ind / 100), Math.floor(ind / 10) % 10, ind % 10];
    const k1 = control(d, W1);
    if (k1 === 10) continue;
    const k2 = control([...d, k1], W2);
    if (k2 === 10) continue;
    out.push({ personalNumber: [...d, k1, k2].join(''), birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` });
  }
  return out;
}
