/** Zoom steps of the PDF viewer (1 = the page at its printed size). */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** The next step in or out from the current zoom (which may lie between steps, e.g. "fit width"). */
export function stepZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((step) => step > current + 0.01) ?? current;
  return [...ZOOM_STEPS].reverse().find((step) => step < current - 0.01) ?? current;
}

/** The smallest zoom "fit width" goes to (an A4 page on a 320 px phone is about 0.4). */
const MIN_FIT = 0.25;

/** The zoom at which a page `pageWidth` CSS pixels wide fills `available` pixels. */
export function fitWidth(available: number, pageWidth: number): number {
  if (available <= 0 || pageWidth <= 0) return 1;
  return Math.min(Math.max(available / pageWidth, MIN_FIT), ZOOM_STEPS[ZOOM_STEPS.length - 1] ?? 3);
}

/** A page number within the document, from user input. */
export function clampPage(page: number, pageCount: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.min(Math.max(Math.trunc(page), 1), Math.max(pageCount, 1));
}
