import {
  escapeHtml,
  formatOsloDate,
  formatOsloTime,
  formatPrintedAt,
  renderDocument,
  type ComposedDocument,
} from '../document-layout.js';

export interface MeetingNoticeInput {
  municipalityName: string;
  bodyName: string;
  meeting: { startsAt: Date; endsAt: Date | null; place: string; remote: boolean };
  /**
   * The agenda in order. For an exempt item (closed session or exempt case) the title is never printed,
   * whatever the caller passes: the notice is public (koml. § 11-3).
   */
  items: Array<{ number: string; title: string; exempt: boolean; citation: string | null }>;
  generatedAt: Date;
  /** The municipality's written standard (målform); bokmål when not given. */
  language?: 'nb' | 'nn';
  /** The municipality's coat of arms (a checked PNG) for the header. */
  coatOfArms?: { png: Buffer; width: number; height: number } | null;
}

export const EXEMPT_ITEM_TITLE = 'Unntatt offentlighet';

/** The notice's fixed texts in bokmål and nynorsk (the municipality's written standard). */
export const NOTICE_TEXTS = {
  nb: {
    notice: 'Møteinnkalling',
    body: 'Organ',
    date: 'Dato',
    time: 'Tid',
    place: 'Sted',
    remote: 'Fjernmøte',
    noPlace: 'Ikke fastsatt',
    agenda: 'Saksliste',
    number: 'Saksnr.',
    title: 'Tittel',
    noItems: 'Ingen saker er satt opp.',
    exempt: EXEMPT_ITEM_TITLE,
    absence: 'Forfall meldes snarest til sekretariatet, slik at varamedlem kan kalles inn.',
    printed: 'Utskrift',
    arms: 'Kommunevåpen',
  },
  nn: {
    notice: 'Møteinnkalling',
    body: 'Organ',
    date: 'Dato',
    time: 'Tid',
    place: 'Stad',
    remote: 'Fjernmøte',
    noPlace: 'Ikkje fastsett',
    agenda: 'Saksliste',
    number: 'Saksnr.',
    title: 'Tittel',
    noItems: 'Ingen saker er sette opp.',
    exempt: 'Unnateke offentlegheit',
    absence: 'Forfall skal meldast snarast til sekretariatet, slik at varamedlem kan kallast inn.',
    printed: 'Utskrift',
    arms: 'Kommunevåpen',
  },
} as const;
type NoticeTexts = (typeof NOTICE_TEXTS)['nb' | 'nn'];

export const MEETING_NOTICE_CSS = `
.agenda td:first-child, .agenda th:first-child { width: 7em; white-space: nowrap; }
.agenda .citation { display: block; font-size: 8.5pt; color: #595959; }
.closing { margin-top: 18pt; }
.doc-header.with-arms { display: flex; gap: 12pt; align-items: flex-start; }
.doc-arms { height: 48pt; width: auto; flex: none; }
`;

/** "Møteinnkalling – <organ> <dato>": time, place and agenda (saksliste). Pure: same input, same HTML. */
export function composeMeetingNotice(input: MeetingNoticeInput): ComposedDocument {
  const { title, body } = meetingNoticeParts(input);
  const lang = input.language ?? 'nb';
  const html = renderDocument({ lang, title, css: MEETING_NOTICE_CSS, body });
  return { html, title, headerText: input.municipalityName, footerText: `${NOTICE_TEXTS[lang].printed} ${formatPrintedAt(input.generatedAt)}`, lang };
}

/** The notice's title and body markup, for a document of its own or as the first part of the meeting papers. */
export function meetingNoticeParts(input: MeetingNoticeInput): { title: string; body: string } {
  const { meeting } = input;
  const t = NOTICE_TEXTS[input.language ?? 'nb'];
  const title = `${t.notice} – ${input.bodyName} ${formatOsloDate(meeting.startsAt)}`;
  const time = `kl. ${formatOsloTime(meeting.startsAt)}${meeting.endsAt ? `–${formatOsloTime(meeting.endsAt)}` : ''}`;
  return {
    title,
    body: `
<header class="doc-header${input.coatOfArms ? ' with-arms' : ''}">
  ${arms(input.coatOfArms, t)}<div>
  <p class="doc-kicker">${escapeHtml(input.municipalityName)}</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="doc-facts">
    <dt>${t.body}</dt><dd>${escapeHtml(input.bodyName)}</dd>
    <dt>${t.date}</dt><dd>${escapeHtml(formatOsloDate(meeting.startsAt))}</dd>
    <dt>${t.time}</dt><dd>${escapeHtml(time)}</dd>
    <dt>${t.place}</dt><dd>${escapeHtml(place(meeting, t))}</dd>
  </dl>
  </div>
</header>
${agendaSection(input.items, t)}
<p class="closing">${t.absence}</p>`,
  };
}

/** The coat of arms as an embedded image (the document may load nothing, see document-layout.ts). */
function arms(coatOfArms: MeetingNoticeInput['coatOfArms'], t: NoticeTexts): string {
  if (!coatOfArms) return '';
  return `<img class="doc-arms" src="data:image/png;base64,${coatOfArms.png.toString('base64')}" alt="${t.arms}" width="${coatOfArms.width}" height="${coatOfArms.height}">`;
}

function place(meeting: MeetingNoticeInput['meeting'], t: NoticeTexts): string {
  if (meeting.remote) return [t.remote, meeting.place].filter(Boolean).join(', ');
  return meeting.place || t.noPlace;
}

function agendaSection(items: MeetingNoticeInput['items'], t: NoticeTexts): string {
  const heading = `<h2 id="saksliste">${t.agenda}</h2>`;
  if (items.length === 0) return `<section>${heading}<p class="empty">${t.noItems}</p></section>`;
  const rows = items
    .map((item) => {
      const text = item.exempt
        ? `${t.exempt}${item.citation ? `<span class="citation">${escapeHtml(item.citation)}</span>` : ''}`
        : escapeHtml(item.title);
      return `<tr><td>${escapeHtml(item.number)}</td><td>${text}</td></tr>`;
    })
    .join('\n');
  return `<section>${heading}
<table class="agenda" aria-labelledby="saksliste">
<thead><tr><th scope="col">${t.number}</th><th scope="col">${t.title}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></section>`;
}
