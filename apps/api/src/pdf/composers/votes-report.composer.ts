import type { VotesReport } from '@sekretariat/contracts';
import { escapeHtml, formatIsoDate, formatPrintedAt, renderDocument, type ComposedDocument } from '../document-layout.js';

export interface VotesReportInput {
  municipalityName: string;
  election: { name: string; electionDay: string; advanceFrom: string; advanceTo: string };
  report: VotesReport;
  generatedAt: Date;
}

const KIND: Record<string, string> = { early: 'Tidligstemme', ordinary: 'Forhåndsstemme', institution: 'Institusjon', home: 'Hjemme' };
const REASON: Record<string, string> = {
  other_municipality: 'Velger i annen kommune',
  already_voted: 'Har stemt tidligere',
  not_in_roll: 'Ikke i manntallet',
  identity_doubt: 'Tvil om identitet',
  early_vote: 'Tidligstemme',
};

/** "Forhåndsstemmer – <valg>": received, approved, rejected and cancelled per day, voting place and kind; grounds; votes awaiting prøving; envelopes per municipality. */
export function composeVotesReport(input: VotesReportInput): ComposedDocument {
  const { election, report } = input;
  const title = `Forhåndsstemmer – ${election.name}`;
  const printedAt = formatPrintedAt(input.generatedAt);
  const sum = (key: 'received' | 'approved' | 'rejected' | 'cancelled' | 'envelopes') => report.days.reduce((s, d) => s + d[key], 0);
  const dayRows = report.days
    .map(
      (d) =>
        `<tr><td>${escapeHtml(formatIsoDate(d.date))}</td><td>${escapeHtml(d.votingPlace)}</td><td>${escapeHtml(KIND[d.kind] ?? d.kind)}</td><td class="num">${d.received}</td><td class="num">${d.approved}</td><td class="num">${d.rejected}</td><td class="num">${d.cancelled}</td><td class="num">${d.envelopes}</td></tr>`,
    )
    .join('\n');
  const awaitingRows = report.awaiting.map((a) => `<tr><td>${escapeHtml(REASON[a.reason] ?? a.reason)}</td><td class="num">${a.count}</td></tr>`).join('\n');
  const rejectedRows = report.rejected.map((r) => `<tr><td>${escapeHtml(r.reason)}</td><td class="num">${r.count}</td></tr>`).join('\n');
  const envelopeRows = report.envelopesByMunicipality.map((e) => `<tr><td>${escapeHtml(e.municipalityNumber)}</td><td class="num">${e.count}</td></tr>`).join('\n');
  const html = renderDocument({
    lang: 'nb',
    title,
    body: `
<header class="doc-header">
  <p class="doc-kicker">${escapeHtml(input.municipalityName)}</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="doc-facts">
    <dt>Valgdag</dt><dd>${escapeHtml(formatIsoDate(election.electionDay))}</dd>
    <dt>Forhåndsstemmeperiode</dt><dd>${escapeHtml(formatIsoDate(election.advanceFrom))}–${escapeHtml(formatIsoDate(election.advanceTo))}</dd>
    <dt>Godkjent</dt><dd>${sum('approved')}</dd>
    <dt>Mottatt, til prøving</dt><dd>${sum('received')}</dd>
    <dt>Forkastet</dt><dd>${sum('rejected')}</dd>
    <dt>Annullert</dt><dd>${sum('cancelled')}</dd>
    <dt>I omslagskonvolutt</dt><dd>${sum('envelopes')}</dd>
    <dt>Utskrift</dt><dd>${escapeHtml(printedAt)}</dd>
  </dl>
</header>
<section><h2 id="dager">Per dag, stemmested og type</h2>
${report.days.length ? `<table aria-labelledby="dager"><thead><tr><th scope="col">Dato</th><th scope="col">Stemmested</th><th scope="col">Type</th><th scope="col" class="num">Mottatt</th><th scope="col" class="num">Godkjent</th><th scope="col" class="num">Forkastet</th><th scope="col" class="num">Annullert</th><th scope="col" class="num">Konvolutt</th></tr></thead><tbody>${dayRows}</tbody></table>` : '<p class="empty">Ingen stemmegivninger er registrert.</p>'}
</section>
<section><h2 id="til-proving">Mottatt, venter på valgstyrets prøving</h2>
${report.awaiting.length ? `<table aria-labelledby="til-proving"><thead><tr><th scope="col">Grunn til konvolutt</th><th scope="col" class="num">Antall</th></tr></thead><tbody>${awaitingRows}</tbody></table>` : '<p class="empty">Ingen.</p>'}
</section>
<section><h2 id="forkastet">Forkastet eller annullert, med grunn</h2>
${report.rejected.length ? `<table aria-labelledby="forkastet"><thead><tr><th scope="col">Grunn</th><th scope="col" class="num">Antall</th></tr></thead><tbody>${rejectedRows}</tbody></table>` : '<p class="empty">Ingen.</p>'}
</section>
<section><h2 id="konvolutter">Konvolutter som skal sendes, per kommune</h2>
${report.envelopesByMunicipality.length ? `<table aria-labelledby="konvolutter"><thead><tr><th scope="col">Kommunenummer</th><th scope="col" class="num">Antall</th></tr></thead><tbody>${envelopeRows}</tbody></table>` : '<p class="empty">Ingen.</p>'}
</section>`,
  });
  return { html, title, headerText: input.municipalityName, footerText: `Utskrift ${printedAt}`, lang: 'nb' };
}
