import { escapeHtml, formatIsoDate, formatOsloDate, formatOsloTime, formatPrintedAt, renderDocument, type ComposedDocument } from '../document-layout.js';

export type RecordLanguage = 'nb' | 'nn';

/** Counts of one row of the record: every vote received, and where it stands now. */
export interface StatusCounts {
  received: number;
  approved: number;
  rejected: number;
  cancelled: number;
  awaiting: number;
}

export interface BoardRecordInput {
  language: RecordLanguage;
  municipalityName: string;
  election: { name: string; electionDay: string; advanceFrom: string; advanceTo: string };
  deadline: Date;
  totals: StatusCounts;
  byPlace: (StatusCounts & { place: string })[];
  byDay: (StatusCounts & { date: string })[];
  byKind: (StatusCounts & { kind: string })[];
  grounds: { ground: string; count: number }[];
  envelopeReasons: { reason: string; count: number }[];
  sent: { serial: string; municipalityNumber: string; municipalityName: string; sentOn: string; votes: number }[];
  received: { serial: string; municipalityNumber: string; municipalityName: string; arrivedAt: Date; late: boolean; status: 'received' | 'approved' | 'rejected' }[];
  cancellations: { cancelledAt: Date; place: string; reason: string }[];
  generatedAt: Date;
}

/** The record's fixed texts in the municipality's written standard. */
const TEXT = {
  nb: {
    title: 'Valgstyrets protokoll for forhåndsstemmer',
    electionDay: 'Valgdag',
    period: 'Forhåndsstemmeperiode',
    deadline: 'Frist for å komme inn',
    printed: 'Utskrift',
    summary: 'Sammendrag',
    total: 'Mottatt i alt',
    approved: 'Godkjent',
    rejected: 'Forkastet',
    cancelled: 'Annullert',
    awaiting: 'Venter på prøving',
    count: 'Antall',
    byPlace: 'Per stemmested',
    place: 'Stemmested',
    byDay: 'Per dag',
    date: 'Dato',
    byKind: 'Per type stemmegivning',
    kind: 'Type',
    grounds: 'Forkastede stemmegivninger, med grunn',
    ground: 'Grunn',
    reasons: 'Stemmegivninger i omslagskonvolutt, etter grunn',
    reason: 'Grunn til konvolutt',
    sent: 'Konvolutter sendt til andre kommuner',
    serial: 'Nummer',
    municipality: 'Kommune',
    sentOn: 'Sendt',
    votes: 'Stemmegivninger',
    received: 'Konvolutter mottatt fra andre kommuner',
    arrived: 'Kom inn',
    status: 'Status',
    late: 'For sent',
    inTime: 'I tide',
    cancellations: 'Annullerte registreringer',
    when: 'Tidspunkt',
    none: 'Ingen.',
    at: 'kl.',
    statuses: { received: 'Mottatt', approved: 'Godkjent', rejected: 'Forkastet' },
    kinds: { early: 'Tidligstemme', ordinary: 'Forhåndsstemme', institution: 'Institusjon', home: 'Hjemme' } as Record<string, string>,
    reasonTexts: {
      other_municipality: 'Velger i annen kommune',
      already_voted: 'Har stemt tidligere',
      not_in_roll: 'Ikke i manntallet',
      identity_doubt: 'Tvil om identitet',
      early_vote: 'Tidligstemme',
    } as Record<string, string>,
    groundTexts: {
      not_in_roll: 'Velgeren står ikke i manntallet i kommunen',
      not_identified: 'Ikke nok opplysninger til å identifisere velgeren',
      wrong_time: 'Ikke avgitt til rett tid',
      wrong_receiver: 'Ikke avgitt til rett stemmemottaker',
      envelope_opened: 'Omslagskonvolutten er åpnet',
      already_approved: 'Velgeren har allerede en godkjent stemmegivning',
      late: 'Ikke kommet inn innen kl. 17 dagen etter valgdagen',
    } as Record<string, string>,
  },
  nn: {
    title: 'Valstyret sin protokoll for førehandsrøyster',
    electionDay: 'Valdag',
    period: 'Førehandsrøysteperiode',
    deadline: 'Frist for å kome inn',
    printed: 'Utskrift',
    summary: 'Samandrag',
    total: 'Motteke i alt',
    approved: 'Godkjend',
    rejected: 'Forkasta',
    cancelled: 'Annullert',
    awaiting: 'Ventar på prøving',
    count: 'Tal',
    byPlace: 'Per røystestad',
    place: 'Røystestad',
    byDay: 'Per dag',
    date: 'Dato',
    byKind: 'Per type røysting',
    kind: 'Type',
    grounds: 'Forkasta røystingar, med grunn',
    ground: 'Grunn',
    reasons: 'Røystingar i omslagskonvolutt, etter grunn',
    reason: 'Grunn til konvolutt',
    sent: 'Konvoluttar sende til andre kommunar',
    serial: 'Nummer',
    municipality: 'Kommune',
    sentOn: 'Send',
    votes: 'Røystingar',
    received: 'Konvoluttar mottekne frå andre kommunar',
    arrived: 'Kom inn',
    status: 'Status',
    late: 'For seint',
    inTime: 'I tide',
    cancellations: 'Annullerte registreringar',
    when: 'Tidspunkt',
    none: 'Ingen.',
    at: 'kl.',
    statuses: { received: 'Motteken', approved: 'Godkjend', rejected: 'Forkasta' },
    kinds: { early: 'Tidlegrøyst', ordinary: 'Førehandsrøyst', institution: 'Institusjon', home: 'Heime' } as Record<string, string>,
    reasonTexts: {
      other_municipality: 'Veljar i annan kommune',
      already_voted: 'Har røysta tidlegare',
      not_in_roll: 'Ikkje i manntalet',
      identity_doubt: 'Tvil om identitet',
      early_vote: 'Tidlegrøyst',
    } as Record<string, string>,
    groundTexts: {
      not_in_roll: 'Veljaren står ikkje i manntalet i kommunen',
      not_identified: 'Ikkje nok opplysningar til å identifisere veljaren',
      wrong_time: 'Ikkje avgitt til rett tid',
      wrong_receiver: 'Ikkje avgitt til rett røystemottakar',
      envelope_opened: 'Omslagskonvolutten er opna',
      already_approved: 'Veljaren har allereie ei godkjend røysting',
      late: 'Ikkje kome inn innan kl. 17 dagen etter valdagen',
    } as Record<string, string>,
  },
} as const;

const CSS = `
.late { font-weight: 700; }
td.label { width: auto; }
th.num, td.num { width: 5.5em; }
`;

/**
 * "Valgstyrets protokoll for forhåndsstemmer": votes received and where they stand (approved,
 * rejected, cancelled, awaiting prøving) in all, per voting place, per day and per kind; the
 * grounds of rejection; envelope reasons; envelopes sent to and received from other
 * municipalities (late ones marked); cancellations. Counts only: no personal data.
 */
export function composeBoardRecord(input: BoardRecordInput): ComposedDocument {
  const t = TEXT[input.language];
  const { election } = input;
  const title = `${t.title} – ${election.name}`;
  const printedAt = formatPrintedAt(input.generatedAt);
  const countHead = `<th scope="col" class="num">${t.total}</th><th scope="col" class="num">${t.approved}</th><th scope="col" class="num">${t.rejected}</th><th scope="col" class="num">${t.cancelled}</th><th scope="col" class="num">${t.awaiting}</th>`;
  const countCells = (c: StatusCounts) => `<td class="num">${c.received}</td><td class="num">${c.approved}</td><td class="num">${c.rejected}</td><td class="num">${c.cancelled}</td><td class="num">${c.awaiting}</td>`;
  const section = (id: string, heading: string, rows: string[], head: string) =>
    `<section><h2 id="${id}">${escapeHtml(heading)}</h2>
${rows.length ? `<table aria-labelledby="${id}"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>` : `<p class="empty">${t.none}</p>`}
</section>`;
  const counted = (id: string, heading: string, label: string, rows: { label: string; counts: StatusCounts }[]) =>
    section(id, heading, rows.map((r) => `<tr><th scope="row" class="label">${escapeHtml(r.label)}</th>${countCells(r.counts)}</tr>`), `<th scope="col">${label}</th>${countHead}`);
  const when = (at: Date) => `${formatOsloDate(at)} ${t.at} ${formatOsloTime(at)}`;

  const html = renderDocument({
    lang: input.language,
    title,
    css: CSS,
    body: `
<header class="doc-header">
  <p class="doc-kicker">${escapeHtml(input.municipalityName)}</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="doc-facts">
    <dt>${t.electionDay}</dt><dd>${escapeHtml(formatIsoDate(election.electionDay))}</dd>
    <dt>${t.period}</dt><dd>${escapeHtml(formatIsoDate(election.advanceFrom))}–${escapeHtml(formatIsoDate(election.advanceTo))}</dd>
    <dt>${t.deadline}</dt><dd>${escapeHtml(when(input.deadline))}</dd>
    <dt>${t.printed}</dt><dd>${escapeHtml(printedAt)}</dd>
  </dl>
</header>
${counted('sammendrag', t.summary, t.summary, [{ label: t.total, counts: input.totals }])}
${counted('stemmested', t.byPlace, t.place, input.byPlace.map((r) => ({ label: r.place, counts: r })))}
${counted('dag', t.byDay, t.date, input.byDay.map((r) => ({ label: formatIsoDate(r.date), counts: r })))}
${counted('type', t.byKind, t.kind, input.byKind.map((r) => ({ label: t.kinds[r.kind] ?? r.kind, counts: r })))}
${section('grunner', t.grounds, input.grounds.map((g) => `<tr><th scope="row" class="label">${escapeHtml(t.groundTexts[g.ground] ?? g.ground)}</th><td class="num">${g.count}</td></tr>`), `<th scope="col">${t.ground}</th><th scope="col" class="num">${t.count}</th>`)}
${section('konvolutt', t.reasons, input.envelopeReasons.map((g) => `<tr><th scope="row" class="label">${escapeHtml(t.reasonTexts[g.reason] ?? g.reason)}</th><td class="num">${g.count}</td></tr>`), `<th scope="col">${t.reason}</th><th scope="col" class="num">${t.count}</th>`)}
${section('sendt', t.sent, input.sent.map((s) => `<tr><th scope="row" class="label">${escapeHtml(s.serial)}</th><td>${escapeHtml(`${s.municipalityNumber} ${s.municipalityName}`)}</td><td>${escapeHtml(formatIsoDate(s.sentOn))}</td><td class="num">${s.votes}</td></tr>`), `<th scope="col">${t.serial}</th><th scope="col">${t.municipality}</th><th scope="col">${t.sentOn}</th><th scope="col" class="num">${t.votes}</th>`)}
${section('mottatt', t.received, input.received.map((r) => `<tr><th scope="row" class="label">${escapeHtml(r.serial)}</th><td>${escapeHtml(`${r.municipalityNumber} ${r.municipalityName}`)}</td><td>${escapeHtml(when(r.arrivedAt))}</td><td${r.late ? ' class="late"' : ''}>${r.late ? t.late : t.inTime}</td><td>${t.statuses[r.status]}</td></tr>`), `<th scope="col">${t.serial}</th><th scope="col">${t.municipality}</th><th scope="col">${t.arrived}</th><th scope="col">${t.deadline}</th><th scope="col">${t.status}</th>`)}
${section('annullert', t.cancellations, input.cancellations.map((c) => `<tr><td>${escapeHtml(when(c.cancelledAt))}</td><td>${escapeHtml(c.place)}</td><td>${escapeHtml(c.reason)}</td></tr>`), `<th scope="col">${t.when}</th><th scope="col">${t.place}</th><th scope="col">${t.ground}</th>`)}
`,
  });
  return { html, title, headerText: input.municipalityName, footerText: `${t.printed} ${printedAt}`, lang: input.language };
}
