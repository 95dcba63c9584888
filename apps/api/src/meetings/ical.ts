import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** One meeting in a feed. */
export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date | null;
  summary: string;
  location: string;
  description: string;
  url: string | null;
  /** DTSTAMP: with METHOD:PUBLISH, when this feed was written (RFC 5545 § 3.8.7.2). */
  stamp: Date;
  /** A planned meeting whose notice is not sent yet: TENTATIVE (only in an official's own feed). */
  tentative?: boolean;
}

/**
 * An iCalendar (RFC 5545) feed of meetings, written by ical-generator: escaping, line folding at 75
 * octets and CRLF line ends are the library's; times are in UTC.
 */
export function calendar(options: { name: string; events: readonly CalendarEvent[] }): string {
  const cal = ical({ name: options.name, prodId: { company: 'Sekretariat', product: 'Møtekalender', language: 'NB' }, method: ICalCalendarMethod.PUBLISH });
  for (const e of options.events) {
    cal.createEvent({
      id: e.uid,
      stamp: e.stamp,
      start: e.start,
      end: e.end,
      summary: e.summary,
      location: e.location || null,
      description: e.description || null,
      url: e.url,
      ...(e.tentative ? { status: ICalEventStatus.TENTATIVE } : {}),
    });
  }
  // RFC 5545 § 3.1: every content line ends with CRLF, the last one too.
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** An agenda item as a feed may show it: public items by number and title, exempt ones by number and ground only. */
export interface FeedAgendaItem {
  number: string;
  title: string;
  exempt: boolean;
  citation: string | null;
}

export const EXEMPT_IN_FEED = 'Unntatt offentlighet';

/**
 * The description of a meeting in a feed: a note first (e.g. that the notice is not sent yet),
 * then the agenda (saksliste) and the links. Calendar apps are outside the municipality's control
 * and sync to phones and servers, so an exempt item's title never goes into it, whoever reads.
 */
export function meetingDescription(input: { note?: string; agenda: readonly FeedAgendaItem[]; url: string; videoUrl: string | null }): string {
  const agenda = input.agenda.map((i) => (i.exempt ? `${i.number} ${EXEMPT_IN_FEED}${i.citation ? ` (${i.citation})` : ''}` : `${i.number} ${i.title}`));
  return [
    input.note ?? '',
    agenda.length ? ['Saksliste:', ...agenda].join('\n') : 'Sakslisten er ikke klar ennå.',
    `Møtet og sakspapirene: ${input.url}`,
    input.videoUrl ? `Video: ${input.videoUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}
