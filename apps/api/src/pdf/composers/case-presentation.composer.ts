import {
  escapeHtml,
  formatOsloDate,
  formatPrintedAt,
  renderDocument,
  type ComposedDocument,
} from '../document-layout.js';

export const EXEMPT_TITLE = 'Unntatt offentlighet';

/** The presentation's fixed texts in the municipality's written standard (målform). */
const TEXTS = {
  nb: {
    kicker: 'Saksframlegg',
    number: 'Saksnr.',
    body: 'Organ',
    date: 'Møtedato',
    archive: 'Arkivsak',
    officer: 'Saksbehandler',
    asker: 'Spør',
    exemptTitle: EXEMPT_TITLE,
    exempt: 'Saken er unntatt offentlighet',
    background: 'Bakgrunn',
    assessment: 'Vurdering',
    recommendation: 'Innstilling',
    bodyRecommendation: (body: string) => `${body}s innstilling`,
    attachments: 'Vedlegg',
    notIncluded: '(ligger ikke i dokumentet)',
    printed: 'Utskrift',
  },
  nn: {
    kicker: 'Saksframlegg',
    number: 'Saksnr.',
    body: 'Organ',
    date: 'Møtedato',
    archive: 'Arkivsak',
    officer: 'Sakshandsamar',
    asker: 'Spør',
    exemptTitle: 'Unnateke offentlegheit',
    exempt: 'Saka er unnateken offentlegheit',
    background: 'Bakgrunn',
    assessment: 'Vurdering',
    recommendation: 'Innstilling',
    bodyRecommendation: (body: string) => `Innstilling frå ${body}`,
    attachments: 'Vedlegg',
    notIncluded: '(ligg ikkje i dokumentet)',
    printed: 'Utskrift',
  },
} as const;

export interface CasePresentationInput {
  municipalityName: string;
  /** The municipality's written standard (settings); bokmål when not given. */
  language?: 'nb' | 'nn';
  bodyName: string;
  meetingStartsAt: Date;
  item: { number: string; title: string; askerName: string | null };
  /**
   * Null when the item is exempt for this reader: then only the number, "Unntatt offentlighet"
   * and the legal ground are printed, whatever else is passed.
   */
  case: {
    archiveReference: string;
    caseOfficer: string;
    summary: string;
    background: string;
    assessment: string;
    /** The administration's recommendation (innstilling). */
    recommendation: string;
  } | null;
  /** Set when the item is withheld from this reader. */
  exempt: { citation: string | null } | null;
  /** Recommendations of bodies that treated the case earlier, and this body's own. */
  bodyRecommendation: string;
  /** The case's attachments the reader may see, in order; `included` when they follow in the papers. */
  attachments: Array<{ title: string; included: boolean }>;
  generatedAt: Date;
}

export const CASE_PRESENTATION_CSS = `
.summary { font-size: 10.5pt; border-left: 2pt solid #1b1b1b; padding-left: 8pt; margin: 10pt 0; }
.recommendation { border: 0.75pt solid #1b1b1b; padding: 6pt 8pt; margin-top: 6pt; }
.citation { color: #3d3d3d; }
ul.attachments { margin: 0; padding-left: 14pt; }
`;

/** Paragraphs from plain text: a blank line between paragraphs, single line breaks kept. */
function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

function section(id: string, heading: string, text: string): string {
  return text.trim()
    ? `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>\n${paragraphs(text)}</section>`
    : '';
}

/**
 * The case presentation (saksframlegg) of one agenda item for the meeting papers: summary first,
 * then background, assessment and the recommendation; the attachments listed last. Pure.
 */
export function composeCasePresentation(input: CasePresentationInput): ComposedDocument {
  const { title, body } = casePresentationParts(input);
  const lang = input.language ?? 'nb';
  const html = renderDocument({ lang, title, css: CASE_PRESENTATION_CSS, body });
  return {
    html,
    title,
    headerText: input.municipalityName,
    footerText: `${TEXTS[lang].printed} ${formatPrintedAt(input.generatedAt)}`,
    lang,
  };
}

/**
 * The title and body markup of a case presentation, for a document of its own or as one part of
 * the merged meeting papers; `idPrefix` keeps the ids unique when several share a document.
 */
export function casePresentationParts(
  input: CasePresentationInput,
  idPrefix = '',
): { title: string; body: string } {
  const id = (name: string) => `${idPrefix}${name}`;
  const { item } = input;
  const t = TEXTS[input.language ?? 'nb'];
  const hidden = input.exempt !== null;
  const title = hidden ? `${item.number} ${t.exemptTitle}` : `${item.number} ${item.title}`;
  const facts = [
    [t.number, item.number],
    [t.body, input.bodyName],
    [t.date, formatOsloDate(input.meetingStartsAt)],
    ...(!hidden && input.case
      ? [
          [t.archive, input.case.archiveReference],
          ...(input.case.caseOfficer ? [[t.officer, input.case.caseOfficer]] : []),
        ]
      : []),
    ...(!hidden && item.askerName ? [[t.asker, item.askerName]] : []),
  ];
  let body: string;
  if (hidden) {
    body = `<p>${t.exempt}${input.exempt?.citation ? `, <span class="citation">${escapeHtml(input.exempt.citation)}</span>` : ''}.</p>`;
  } else {
    const kase = input.case;
    const recommendation = [
      kase?.recommendation.trim()
        ? `<section aria-labelledby="${id('innstilling')}"><h2 id="${id('innstilling')}">${t.recommendation}</h2><div class="recommendation">${paragraphs(kase.recommendation)}</div></section>`
        : '',
    ];
    if (input.bodyRecommendation.trim()) {
      recommendation.push(
        `<section aria-labelledby="${id('organets-innstilling')}"><h2 id="${id('organets-innstilling')}">${escapeHtml(t.bodyRecommendation(input.bodyName))}</h2><div class="recommendation">${paragraphs(input.bodyRecommendation)}</div></section>`,
      );
    }
    const attachments = input.attachments.length
      ? `<section aria-labelledby="${id('vedlegg')}"><h2 id="${id('vedlegg')}">${t.attachments}</h2><ul class="attachments">${input.attachments
          .map(
            (a) =>
              `<li>${escapeHtml(a.title)}${a.included ? '' : ` <span class="muted">${t.notIncluded}</span>`}</li>`,
          )
          .join('')}</ul></section>`
      : '';
    body = [
      kase?.summary.trim() ? `<div class="summary">${paragraphs(kase.summary)}</div>` : '',
      section(id('bakgrunn'), t.background, kase?.background ?? ''),
      section(id('vurdering'), t.assessment, kase?.assessment ?? ''),
      ...recommendation,
      attachments,
    ].join('\n');
  }
  return {
    title,
    body: `
<header class="doc-header">
  <p class="doc-kicker">${t.kicker}</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="doc-facts">
    ${facts.map(([dt, dd]) => `<dt>${escapeHtml(dt!)}</dt><dd>${escapeHtml(dd!)}</dd>`).join('\n    ')}
  </dl>
</header>
${body}`,
  };
}
