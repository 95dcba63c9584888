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
}

export const EXEMPT_ITEM_TITLE = 'Unntatt offentlighet';
const REMOTE = 'Fjernmøte';

const CSS = `
.agenda td:first-child, .agenda th:first-child { width: 7em; white-space: nowrap; }
.citation { display: block; font-size: 8.5pt; color: #595959; }
.closing { margin-top: 18pt; }
`;

/** "Møteinnkalling – <organ> <dato>": time, place and agenda (saksliste). Pure: same input, same HTML. */
export function composeMeetingNotice(input: MeetingNoticeInput): ComposedDocument {
  const { meeting } = input;
  const title = `Møteinnkalling – ${input.bodyName} ${formatOsloDate(meeting.startsAt)}`;
  const printedAt = formatPrintedAt(input.generatedAt);
  const time = `kl. ${formatOsloTime(meeting.startsAt)}${meeting.endsAt ? `–${formatOsloTime(meeting.endsAt)}` : ''}`;

  const html = renderDocument({
    lang: 'nb',
    title,
    css: CSS,
    body: `
<header class="doc-header">
  <p class="doc-kicker">${escapeHtml(input.municipalityName)}</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="doc-facts">
    <dt>Organ</dt><dd>${escapeHtml(input.bodyName)}</dd>
    <dt>Dato</dt><dd>${escapeHtml(formatOsloDate(meeting.startsAt))}</dd>
    <dt>Tid</dt><dd>${escapeHtml(time)}</dd>
    <dt>Sted</dt><dd>${escapeHtml(place(meeting))}</dd>
  </dl>
</header>
${agendaSection(input.items)}
<p class="closing">Forfall meldes snarest til sekretariatet, slik at varamedlem kan kalles inn.</p>`,
  });

  return { html, title, headerText: input.municipalityName, footerText: `Utskrift ${printedAt}`, lang: 'nb' };
}

function place(meeting: MeetingNoticeInput['meeting']): string {
  if (meeting.remote) return [REMOTE, meeting.place].filter(Boolean).join(', ');
  return meeting.place || 'Ikke fastsatt';
}

function agendaSection(items: MeetingNoticeInput['items']): string {
  const heading = '<h2 id="saksliste">Saksliste</h2>';
  if (items.length === 0) return `<section>${heading}<p class="empty">Ingen saker er satt opp.</p></section>`;
  const rows = items
    .map((item) => {
      const text = item.exempt
        ? `${EXEMPT_ITEM_TITLE}${item.citation ? `<span class="citation">${escapeHtml(item.citation)}</span>` : ''}`
        : escapeHtml(item.title);
      return `<tr><td>${escapeHtml(item.number)}</td><td>${text}</td></tr>`;
    })
    .join('\n');
  return `<section>${heading}
<table class="agenda" aria-labelledby="saksliste">
<thead><tr><th scope="col">Saksnr.</th><th scope="col">Tittel</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></section>`;
}
