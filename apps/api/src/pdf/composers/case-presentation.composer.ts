import { escapeHtml, formatOsloDate, formatPrintedAt, renderDocument, type ComposedDocument } from '../document-layout.js';

export const EXEMPT_TITLE = 'Unntatt offentlighet';

export interface CasePresentationInput {
  municipalityName: string;
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
  return text.trim() ? `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>\n${paragraphs(text)}</section>` : '';
}

/**
 * The case presentation (saksframlegg) of one agenda item for the meeting papers: summary first,
 * then background, assessment and the recommendation; the attachments listed last. Pure.
 */
export function composeCasePresentation(input: CasePresentationInput): ComposedDocument {
  const { title, body } = casePresentationParts(input);
  const html = renderDocument({ lang: 'nb', title, css: CASE_PRESENTATION_CSS, body });
  return { html, title, headerText: input.municipalityName, footerText: `Utskrift ${formatPrintedAt(input.generatedAt)}`, lang: 'nb' };
}

/**
 * The title and body markup of a case presentation, for a document of its own or as one part of
 * the merged meeting papers; `idPrefix` keeps the ids unique when several share a document.
 */
export function casePresentationParts(input: CasePresentationInput, idPrefix = ''): { title: string; body: string } {
  const id = (name: string) => `${idPrefix}${name}`;
  const { item } = input;
  const hidden = input.exempt !== null;
  const title = hidden ? `${item.number} ${EXEMPT_TITLE}` : `${item.number} ${item.title}`;
  const facts = [
    ['Saksnr.', item.number],
    ['Organ', input.bodyName],
    ['Møtedato', formatOsloDate(input.meetingStartsAt)],
    ...(!hidden && input.case ? [['Arkivsak', input.case.archiveReference], ...(input.case.caseOfficer ? [['Saksbehandler', input.case.caseOfficer]] : [])] : []),
    ...(!hidden && item.askerName ? [['Spør', item.askerName]] : []),
  ];
  let body: string;
  if (hidden) {
    body = `<p>Saken er unntatt offentlighet${input.exempt?.citation ? `, <span class="citation">${escapeHtml(input.exempt.citation)}</span>` : ''}.</p>`;
  } else {
    const kase = input.case;
    const recommendation = [kase?.recommendation.trim() ? `<section aria-labelledby="${id('innstilling')}"><h2 id="${id('innstilling')}">Innstilling</h2><div class="recommendation">${paragraphs(kase.recommendation)}</div></section>` : ''];
    if (input.bodyRecommendation.trim()) {
      recommendation.push(`<section aria-labelledby="${id('organets-innstilling')}"><h2 id="${id('organets-innstilling')}">${escapeHtml(input.bodyName)}s innstilling</h2><div class="recommendation">${paragraphs(input.bodyRecommendation)}</div></section>`);
    }
    const attachments = input.attachments.length
      ? `<section aria-labelledby="${id('vedlegg')}"><h2 id="${id('vedlegg')}">Vedlegg</h2><ul class="attachments">${input.attachments
          .map((a) => `<li>${escapeHtml(a.title)}${a.included ? '' : ' <span class="muted">(ligger ikke i dokumentet)</span>'}</li>`)
          .join('')}</ul></section>`
      : '';
    body = [
      kase?.summary.trim() ? `<div class="summary">${paragraphs(kase.summary)}</div>` : '',
      section(id('bakgrunn'), 'Bakgrunn', kase?.background ?? ''),
      section(id('vurdering'), 'Vurdering', kase?.assessment ?? ''),
      ...recommendation,
      attachments,
    ].join('\n');
  }
  return {
    title,
    body: `
<header class="doc-header">
  <p class="doc-kicker">Saksframlegg</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="doc-facts">
    ${facts.map(([dt, dd]) => `<dt>${escapeHtml(dt!)}</dt><dd>${escapeHtml(dd!)}</dd>`).join('\n    ')}
  </dl>
</header>
${body}`,
  };
}
