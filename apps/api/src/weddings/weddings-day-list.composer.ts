import type { CeremonyLanguage, DayListLanguage } from '@sekretariat/contracts';
import { escapeHtml, formatIsoDate, formatOsloTime, formatPrintedAt, renderDocument, type ComposedDocument } from '../pdf/document-layout.js';

/** One ceremony on the officiant's day list: what is needed on the day, no contact details. */
export interface DayListCeremony {
  reference: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  accessibility: string;
  officiant: string | null;
  parties: string[];
  witnesses: string[];
  ceremonyLanguage: CeremonyLanguage;
  guests: number;
  certificateChecked: boolean;
  notes: string;
  cancelled: boolean;
}

export interface DayListInput {
  municipalityName: string;
  /** The day, "2027-06-11". */
  date: string;
  /** The officiant the list is for, or null for all the day's ceremonies (the staff's list). */
  officiant: string | null;
  ceremonies: DayListCeremony[];
  language: DayListLanguage;
  generatedAt: Date;
}

/** The name of the language of the wedding formula, in the list's written standard. */
export const CEREMONY_LANGUAGE_NAMES: Record<DayListLanguage, Record<CeremonyLanguage, string>> = {
  nb: { nb: 'bokmål', nn: 'nynorsk', se: 'samisk', en: 'engelsk', de: 'tysk', fr: 'fransk', es: 'spansk', ru: 'russisk' },
  nn: { nb: 'bokmål', nn: 'nynorsk', se: 'samisk', en: 'engelsk', de: 'tysk', fr: 'fransk', es: 'spansk', ru: 'russisk' },
};

const TEXT = {
  nb: {
    title: 'Dagsliste for vigsler',
    date: 'Dato',
    officiant: 'Vigsler',
    all: 'Alle vigslere',
    count: 'Vigsler denne dagen',
    time: 'Tid',
    place: 'Sted',
    accessibility: 'Tilgjengelighet',
    couple: 'Brudeparet',
    witnesses: 'Vitner',
    language: 'Vigselsformular',
    guests: 'Gjester',
    certificate: 'Prøvingsattest',
    checked: 'kontrollert',
    notChecked: 'ikke kontrollert – må kontrolleres før vigselen',
    notes: 'Merknader',
    none: 'Ingen vigsler denne dagen.',
    noOfficiant: 'ikke tildelt',
    cancelled: 'AVLYST',
    remember: 'Husk: kontroller legitimasjon for brudeparet og begge vitnene, og at prøvingsattesten er gyldig i dag. Send melding om vigsel til Folkeregisteret første virkedag etter.',
    printed: 'Utskrift',
  },
  nn: {
    title: 'Dagsliste for vigslar',
    date: 'Dato',
    officiant: 'Vigslar',
    all: 'Alle vigslarar',
    count: 'Vigslar denne dagen',
    time: 'Tid',
    place: 'Stad',
    accessibility: 'Tilgjenge',
    couple: 'Brudeparet',
    witnesses: 'Vitne',
    language: 'Vigselsformular',
    guests: 'Gjester',
    certificate: 'Prøvingsattest',
    checked: 'kontrollert',
    notChecked: 'ikkje kontrollert – må kontrollerast før vigselen',
    notes: 'Merknader',
    none: 'Ingen vigslar denne dagen.',
    noOfficiant: 'ikkje tildelt',
    cancelled: 'AVLYST',
    remember: 'Hugs: kontroller legitimasjon for brudeparet og begge vitna, og at prøvingsattesten er gyldig i dag. Send melding om vigsel til Folkeregisteret første verkedag etter.',
    printed: 'Utskrift',
  },
} as const;

const CSS = `
.ceremony { border-top: 1pt solid #1b1b1b; padding-top: 6pt; margin-top: 12pt; break-inside: avoid; }
.doc-header + .ceremony { border-top: none; padding-top: 0; }
.ceremony h2 { margin-top: 0; }
.ceremony dl { display: grid; grid-template-columns: 9em 1fr; gap: 2pt 10pt; margin: 0; }
.ceremony dt { font-weight: 700; }
.ceremony dd { margin: 0; white-space: pre-line; }
.cancelled { text-decoration: line-through; }
.remember { margin-top: 16pt; font-size: 9pt; }
`;

/** The officiant's day list: one block per ceremony in time order. Pure: same input, same HTML. */
export function composeDayList(input: DayListInput): ComposedDocument {
  const t = TEXT[input.language];
  const date = formatIsoDate(input.date);
  const title = `${t.title} ${date}`;
  const blocks = [...input.ceremonies]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((c) => {
      const time = `${formatOsloTime(c.startsAt)}–${formatOsloTime(c.endsAt)}`;
      const heading = `${time} · ${c.place}${c.cancelled ? ` · ${t.cancelled}` : ''}`;
      const facts: [string, string][] = [
        [t.couple, c.parties.join(' og ')],
        [t.witnesses, c.witnesses.join(', ')],
        [t.language, CEREMONY_LANGUAGE_NAMES[input.language][c.ceremonyLanguage]],
        [t.guests, String(c.guests)],
        [t.certificate, c.certificateChecked ? t.checked : t.notChecked],
        ...(input.officiant === null ? ([[t.officiant, c.officiant ?? t.noOfficiant]] as [string, string][]) : []),
        ...(c.accessibility ? ([[t.accessibility, c.accessibility]] as [string, string][]) : []),
        ...(c.notes ? ([[t.notes, c.notes]] as [string, string][]) : []),
      ];
      return `<section class="ceremony">
<h2${c.cancelled ? ' class="cancelled"' : ''}>${escapeHtml(heading)}</h2>
<p class="muted">${escapeHtml(c.reference)}</p>
<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
</section>`;
    })
    .join('\n');
  const html = renderDocument({
    lang: input.language,
    title,
    css: CSS,
    body: `
<header class="doc-header">
  <p class="doc-kicker">${escapeHtml(input.municipalityName)}</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="doc-facts">
    <dt>${t.date}</dt><dd>${escapeHtml(date)}</dd>
    <dt>${t.officiant}</dt><dd>${escapeHtml(input.officiant ?? t.all)}</dd>
    <dt>${t.count}</dt><dd>${input.ceremonies.filter((c) => !c.cancelled).length}</dd>
  </dl>
</header>
${blocks || `<p class="empty">${t.none}</p>`}
<p class="remember">${t.remember}</p>`,
  });
  return { html, title, headerText: input.municipalityName, footerText: `${t.printed} ${formatPrintedAt(input.generatedAt)}`, lang: input.language };
}
