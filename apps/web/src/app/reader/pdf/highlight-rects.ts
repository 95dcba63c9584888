import type { HighlightRect } from '@sekretariat/contracts';

/** At most this many areas per highlight (the API's limit). */
export const MAX_RECTS = 200;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

const round = (value: number): number => Math.round(Math.min(Math.max(value, 0), 1) * 10000) / 10000;

/**
 * The selected text's boxes (client pixels) as fractions of the page's box, so that a highlight
 * lands on the same words at any zoom. Specks are dropped, and boxes on one line that touch or
 * overlap (pdf.js draws a line as several spans) become one.
 */
export function toHighlightRects(boxes: readonly Box[], page: Box): HighlightRect[] {
  if (page.width <= 0 || page.height <= 0) return [];
  const sorted = boxes
    .filter((b) => b.width > 1 && b.height > 1)
    .map((b) => ({ left: b.left, top: b.top, right: b.left + b.width, bottom: b.top + b.height }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const merged: { left: number; top: number; right: number; bottom: number }[] = [];
  for (const box of sorted) {
    const last = merged.at(-1);
    const sameLine = last && Math.abs(last.top - box.top) < (box.bottom - box.top) / 2;
    if (last && sameLine && box.left <= last.right + 2) {
      last.right = Math.max(last.right, box.right);
      last.top = Math.min(last.top, box.top);
      last.bottom = Math.max(last.bottom, box.bottom);
    } else {
      merged.push({ ...box });
    }
  }
  return merged.slice(0, MAX_RECTS).map((b) => ({
    x: round((b.left - page.left) / page.width),
    y: round((b.top - page.top) / page.height),
    w: round((b.right - b.left) / page.width),
    h: round((b.bottom - b.top) / page.height),
  }));
}

/** CSS for an area on the page, in percent of the page (the frame it is drawn in). */
export function rectStyle(rect: HighlightRect): Record<string, string> {
  const pct = (value: number) => `${String(Math.round(value * 100000) / 1000)}%`;
  return { left: pct(rect.x), top: pct(rect.y), width: pct(rect.w), height: pct(rect.h) };
}
