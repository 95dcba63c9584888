/** One treatment of a case in a body's meeting. */
export interface SaksgangStep {
  itemId: string;
  meetingStartsAt: string;
  bodyName: string;
  number: string;
}

/**
 * A case's way through the bodies (saksgang), e.g. utvalg → formannskap → kommunestyre: in
 * meeting order; two bodies meeting at the same time by body name, then item number, so the
 * order is stable.
 */
export function orderSaksgang<T extends SaksgangStep>(steps: readonly T[]): T[] {
  return [...steps].sort(
    (a, b) =>
      Date.parse(a.meetingStartsAt) - Date.parse(b.meetingStartsAt) ||
      a.bodyName.localeCompare(b.bodyName, 'nb') ||
      a.number.localeCompare(b.number, 'nb', { numeric: true }) ||
      a.itemId.localeCompare(b.itemId),
  );
}
