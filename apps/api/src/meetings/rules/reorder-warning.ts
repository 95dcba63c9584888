import type { AgendaMove, AgendaOrderWarning } from '@sekretariat/contracts';

/**
 * The items whose position changed between two orders (lists of agenda numbers, first = position 1).
 * After the notice the numbers stay as published, so every move changes the order members read.
 */
export function agendaMoves(before: readonly string[], after: readonly string[]): AgendaMove[] {
  const from = new Map(before.map((number, index) => [number, index + 1]));
  return after.flatMap((number, index) => {
    const was = from.get(number);
    return was !== undefined && was !== index + 1 ? [{ number, from: was, to: index + 1 }] : [];
  });
}

/** The warning for a reorder after the notice, or null when nothing moved. */
export function reorderWarning(before: readonly string[], after: readonly string[]): AgendaOrderWarning | null {
  const moved = agendaMoves(before, after);
  if (moved.length === 0) return null;
  return {
    code: 'AGENDA_ORDER_CHANGED_AFTER_NOTICE',
    message: `Rekkefølgen i den kunngjorte sakslisten er endret: ${moved.map((m) => `${m.number} er nå nr. ${m.to}`).join(', ')}. Sakene beholder numrene sine; send endret innkalling.`,
    moved,
  };
}
