import type { BodyKind } from '@sekretariat/contracts';
import {
  escapeHtml,
  formatIsoDate,
  formatPrintedAt,
  renderDocument,
  type ComposedDocument,
} from '../document-layout.js';

export type MemberRole = 'leader' | 'deputy_leader' | 'member';

export interface MembersListInput {
  municipalityName: string;
  body: { name: string; kind: string; termFrom: string; termTo: string; seats: number };
  members: Array<{ name: string; party: string | null; role: MemberRole }>;
  substitutes: Array<{ rank: number; name: string; party: string | null }>;
  generatedAt: Date;
}

const ROLE_LABELS: Record<MemberRole, string> = {
  leader: 'Leder',
  deputy_leader: 'Nestleder',
  member: 'Medlem',
};
const ROLE_ORDER: Record<MemberRole, number> = { leader: 0, deputy_leader: 1, member: 2 };

const BODY_KIND_LABELS: Record<BodyKind, string> = {
  kommunestyre: 'Kommunestyre',
  formannskap: 'Formannskap',
  utvalg: 'Utvalg',
  kontrollutvalg: 'Kontrollutvalg',
  eldreraad: 'Eldreråd',
  funksjonsnedsettelse: 'Råd for personer med funksjonsnedsettelse',
  ungdomsraad: 'Ungdomsråd',
  valgstyre: 'Valgstyre',
  valgutvalg: 'Valgutvalg',
  annet: 'Annet organ',
};

const NO_PARTY = '–';

const CSS = `
.members th:nth-child(3), .members td:nth-child(3) { width: 7em; }
.members th:first-child, .substitutes th:nth-child(2) { width: 45%; }
td.lead { font-weight: 700; }
`;

/**
 * "Medlemsliste – <organ>": members (leader and deputy first, then in the given order) and substitutes by rank.
 * Pure: same input, same HTML.
 */
export function composeMembersList(input: MembersListInput): ComposedDocument {
  const { body, municipalityName } = input;
  const title = `Medlemsliste – ${body.name}`;
  const printedAt = formatPrintedAt(input.generatedAt);
  const kindLabel = Object.hasOwn(BODY_KIND_LABELS, body.kind)
    ? BODY_KIND_LABELS[body.kind as BodyKind]
    : body.kind;

  const html = renderDocument({
    lang: 'nb',
    title,
    css: CSS,
    body: `
<header class="doc-header">
  <p class="doc-kicker">${escapeHtml(municipalityName)}</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="doc-facts">
    <dt>Organ</dt><dd>${escapeHtml(kindLabel)}</dd>
    <dt>Periode</dt><dd>${escapeHtml(formatIsoDate(body.termFrom))}–${escapeHtml(formatIsoDate(body.termTo))}</dd>
    <dt>Antall plasser</dt><dd>${escapeHtml(body.seats)}</dd>
    <dt>Utskrift</dt><dd>${escapeHtml(printedAt)}</dd>
  </dl>
</header>
${membersSection(input.members)}
${substitutesSection(input.substitutes)}`,
  });

  return { html, title, headerText: municipalityName, footerText: `Utskrift ${printedAt}`, lang: 'nb' };
}

function membersSection(members: MembersListInput['members']): string {
  const heading = `<h2 id="medlemmer">Medlemmer (${members.length})</h2>`;
  if (members.length === 0)
    return `<section>${heading}<p class="empty">Ingen medlemmer er registrert.</p></section>`;
  const rows = members
    .map((member, index) => ({ member, index }))
    .sort((a, b) => ROLE_ORDER[a.member.role] - ROLE_ORDER[b.member.role] || a.index - b.index)
    .map(
      ({ member }) =>
        `<tr><td>${escapeHtml(member.name)}</td><td>${party(member.party)}</td>` +
        `<td${member.role === 'member' ? '' : ' class="lead"'}>${escapeHtml(ROLE_LABELS[member.role])}</td></tr>`,
    )
    .join('\n');
  return `<section>${heading}
<table class="members" aria-labelledby="medlemmer">
<thead><tr><th scope="col">Navn</th><th scope="col">Parti</th><th scope="col">Rolle</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></section>`;
}

function substitutesSection(substitutes: MembersListInput['substitutes']): string {
  const heading = `<h2 id="varamedlemmer">Varamedlemmer (${substitutes.length})</h2>`;
  if (substitutes.length === 0) {
    return `<section>${heading}<p class="empty">Ingen varamedlemmer er registrert.</p></section>`;
  }
  // In the order given: per list and rank, or by rank on one common list (the caller knows which).
  const rows = substitutes
    .map(
      (substitute) =>
        `<tr><td class="num">${escapeHtml(substitute.rank)}.</td><td>${escapeHtml(substitute.name)}</td>` +
        `<td>${party(substitute.party)}</td></tr>`,
    )
    .join('\n');
  return `<section>${heading}
<table class="substitutes" aria-labelledby="varamedlemmer">
<thead><tr><th scope="col" class="num">Nr.</th><th scope="col">Navn</th><th scope="col">Parti</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></section>`;
}

function party(name: string | null): string {
  return name ? escapeHtml(name) : NO_PARTY;
}
