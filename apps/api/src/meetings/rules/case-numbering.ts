/**
 * Numbering of political cases (vendor practice, not law; domain.md § 1.5): a sequence per body
 * and year, written "PS 12/25" (politisk sak), "RS 3/25" (referatsak), "OS 1/25" (orienteringssak),
 * "DS 4/25" (delegert sak), "SP 2/25" (spørsmål), "IP 1/25" (interpellasjon); each type counts on its own. Archive references are "25/1234" (year/sequence), a registry entry
 * "25/1234-5".
 */
export type ItemType = 'PS' | 'RS' | 'OS' | 'DS' | 'SP' | 'IP';

export function itemNumber(type: ItemType, sequence: number, year: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  return `${type} ${sequence}/${String(year % 100).padStart(2, '0')}`;
}

const ITEM = /^(PS|RS|OS|DS|SP|IP) (\d{1,4})\/(\d{2})$/;

export function parseItemNumber(value: string): { type: ItemType; sequence: number; year2: number } | null {
  const m = ITEM.exec(value.trim());
  return m ? { type: m[1] as ItemType, sequence: Number(m[2]), year2: Number(m[3]) } : null;
}

const ARCHIVE = /^(\d{2}|\d{4})\/(\d{1,6})(?:-(\d{1,4}))?$/;

/** "2025/1234", "25/1234" or "25/1234-5" → normalised "25/1234" (+ document number). */
export function parseArchiveReference(value: string): { year2: number; sequence: number; document: number | null } | null {
  const m = ARCHIVE.exec(value.trim());
  if (!m) return null;
  return { year2: Number(m[1]!.slice(-2)), sequence: Number(m[2]), document: m[3] ? Number(m[3]) : null };
}

/**
 * Numbers a body's agenda in order: items keep the numbers they already have, new items get the
 * next free number of their type for the year.
 */
export function numberAgenda(
  items: readonly { id: string; type: ItemType; number: string | null }[],
  used: ReadonlyMap<ItemType, number>,
  year: number,
): Map<string, string> {
  const next = new Map(used);
  const out = new Map<string, string>();
  for (const item of items) {
    if (item.number) {
      out.set(item.id, item.number);
      continue;
    }
    const seq = (next.get(item.type) ?? 0) + 1;
    next.set(item.type, seq);
    out.set(item.id, itemNumber(item.type, seq, year));
  }
  return out;
}

/**
 * Before the notice is sent the numbers follow the agenda order: the numbers a meeting's items
 * hold are handed out again, per type, in the new order (so none is given twice and none is
 * lost). After the notice the published numbers stay as they are.
 */
export function renumberInOrder(items: readonly { id: string; type: ItemType; sequence: number }[]): Map<string, number> {
  const byType = new Map<ItemType, number[]>();
  for (const item of items) byType.set(item.type, [...(byType.get(item.type) ?? []), item.sequence]);
  for (const list of byType.values()) list.sort((a, b) => a - b);
  const out = new Map<string, number>();
  for (const item of items) out.set(item.id, byType.get(item.type)!.shift()!);
  return out;
}
