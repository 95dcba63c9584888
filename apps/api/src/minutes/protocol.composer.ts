import type { ProtocolLanguage } from '@sekretariat/contracts';
import { escapeHtml, formatOsloDate, formatOsloTime, formatPrintedAt, renderDocument, type ComposedDocument } from '../pdf/document-layout.js';
import type { ProtocolItem, ProtocolModel } from './protocol-model.js';

/** The protocol's fixed texts in the municipality's written standard (bokmål or nynorsk). */
const TEXT = {
  nb: {
    title: 'Møteprotokoll',
    body: 'Organ',
    date: 'Dato',
    time: 'Tid',
    place: 'Møtested',
    remote: 'Fjernmøte',
    present: 'Til stede',
    absent: 'Forfall',
    substitutes: 'Varamedlemmer som møtte',
    officers: 'Fra administrasjonen',
    countPresent: (n: number) => `${n} medlemmer til stede.`,
    meetsFor: (name: string) => `for ${name}`,
    onlyItem: (n: string) => `i sak ${n}`,
    fromItem: (n: string, at: string | null) => `møtte fra sak ${n}${at ? ` kl. ${at}` : ''}`,
    toItem: (n: string, at: string | null) => `gikk etter sak ${n}${at ? ` kl. ${at}` : ''}`,
    remarks: 'Merknader',
    noRemarks: 'Ingen merknader til innkalling og saksliste.',
    chair: 'Møteleder',
    signersChosen: (names: string) => `${names} ble valgt til å underskrive protokollen.`,
    items: 'Behandlede saker',
    archive: 'Arkivsak',
    closed: 'Lukket møte',
    treatment: 'Behandling',
    proposals: 'Forslag',
    recommendation: 'Innstilling',
    vote: 'Votering',
    decision: 'Vedtak',
    decisionExempt: 'Vedtaket er unntatt offentlighet.',
    disqualified: (name: string, c: string) => `${name} ble erklært inhabil (${c}) og fratrådte under behandlingen.`,
    notDisqualified: (name: string, c: string) => `${name}s habilitet ble vurdert (${c}); vedkommende ble funnet habil.`,
    rulingNote: 'Medlemmet deltok ikke i avgjørelsen om egen habilitet (fvl. § 8).',
    notQuorate: 'Organet var ikke vedtaksført i saken (koml. § 11-9).',
    postponed: 'Saken ble utsatt.',
    withdrawn: 'Saken ble trukket.',
    withdrawnProposal: 'Forslaget ble trukket.',
    notVoted: 'Det ble ikke votert over forslaget.',
    forVotes: 'For',
    againstVotes: 'Mot',
    closing: (at: string | null) => (at ? `Møtet ble hevet kl. ${at}.` : 'Møtet ble hevet.'),
    signatures: 'Underskrifter',
    confirm: 'Vi bekrefter at protokollen er i samsvar med det som ble vedtatt i møtet.',
    signedAt: (at: string) => `Godkjent elektronisk ${at}`,
    notSigned: 'Ikke signert',
    approvedInMeeting: (item: string) => `Protokollen ble godkjent i sak ${item}.`,
    approved: (at: string) => `Godkjent ${at}.`,
    draft: 'UTKAST',
    draftNote: 'Utkast – ikke godkjent',
    correction: (v: number, reason: string) => `Rettet versjon ${v}: ${reason}`,
    publicEdition: 'Offentlig versjon',
    proposer: (kind: string, p: string) => `${kind} fra ${p}`,
    kinds: { recommendation: 'Innstilling', new: 'Nytt forslag', amendment: 'Endringsforslag', addition: 'Tilleggsforslag' },
    printed: 'Utskrift',
  },
  nn: {
    title: 'Møteprotokoll',
    body: 'Organ',
    date: 'Dato',
    time: 'Tid',
    place: 'Møtestad',
    remote: 'Fjernmøte',
    present: 'Til stades',
    absent: 'Forfall',
    substitutes: 'Varamedlemmer som møtte',
    officers: 'Frå administrasjonen',
    countPresent: (n: number) => `${n} medlemmer til stades.`,
    meetsFor: (name: string) => `for ${name}`,
    onlyItem: (n: string) => `i sak ${n}`,
    fromItem: (n: string, at: string | null) => `møtte frå sak ${n}${at ? ` kl. ${at}` : ''}`,
    toItem: (n: string, at: string | null) => `gjekk etter sak ${n}${at ? ` kl. ${at}` : ''}`,
    remarks: 'Merknader',
    noRemarks: 'Ingen merknader til innkalling og saksliste.',
    chair: 'Møteleiar',
    signersChosen: (names: string) => `${names} vart valde til å skrive under protokollen.`,
    items: 'Handsama saker',
    archive: 'Arkivsak',
    closed: 'Lukka møte',
    treatment: 'Handsaming',
    proposals: 'Framlegg',
    recommendation: 'Innstilling',
    vote: 'Røysting',
    decision: 'Vedtak',
    decisionExempt: 'Vedtaket er unnateke frå offentleg innsyn.',
    disqualified: (name: string, c: string) => `${name} vart erklært ugild (${c}) og fråtredde under handsaminga.`,
    notDisqualified: (name: string, c: string) => `Habiliteten til ${name} vart vurdert (${c}); vedkomande vart funnen habil.`,
    rulingNote: 'Medlemmet tok ikkje del i avgjerda om eigen habilitet (fvl. § 8).',
    notQuorate: 'Organet var ikkje vedtaksført i saka (koml. § 11-9).',
    postponed: 'Saka vart utsett.',
    withdrawn: 'Saka vart trekt.',
    withdrawnProposal: 'Framlegget vart trekt.',
    notVoted: 'Det vart ikkje røysta over framlegget.',
    forVotes: 'For',
    againstVotes: 'Mot',
    closing: (at: string | null) => (at ? `Møtet vart heva kl. ${at}.` : 'Møtet vart heva.'),
    signatures: 'Underskrifter',
    confirm: 'Vi stadfester at protokollen er i samsvar med det som vart vedteke i møtet.',
    signedAt: (at: string) => `Godkjend elektronisk ${at}`,
    notSigned: 'Ikkje signert',
    approvedInMeeting: (item: string) => `Protokollen vart godkjend i sak ${item}.`,
    approved: (at: string) => `Godkjend ${at}.`,
    draft: 'UTKAST',
    draftNote: 'Utkast – ikkje godkjend',
    correction: (v: number, reason: string) => `Retta versjon ${v}: ${reason}`,
    publicEdition: 'Offentleg versjon',
    proposer: (kind: string, p: string) => `${kind} frå ${p}`,
    kinds: { recommendation: 'Innstilling', new: 'Nytt framlegg', amendment: 'Endringsframlegg', addition: 'Tilleggsframlegg' },
    printed: 'Utskrift',
  },
} as const;

export function protocolTexts(language: ProtocolLanguage) {
  return TEXT[language];
}

const CSS = `
.doc-watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 96pt; font-weight: 700;
  color: rgba(160, 0, 0, 0.12); transform: rotate(-30deg); z-index: 0; pointer-events: none; }
.item { break-inside: auto; margin-top: 14pt; }
.item h2 { border-top: 1px solid #bbb; padding-top: 8pt; }
.item .ref { font-size: 9pt; color: #444; margin: 0 0 6pt; }
.decision { border: 1px solid #333; padding: 6pt 9pt; margin: 6pt 0; white-space: pre-wrap; break-inside: avoid; }
.proposal { margin: 4pt 0 8pt; }
.proposal .text { white-space: pre-wrap; margin: 2pt 0 2pt 12pt; }
.vote { font-style: italic; }
.counts { border-collapse: collapse; margin: 2pt 0 6pt 12pt; font-size: 9pt; }
.counts th, .counts td { border: 1px solid #bbb; padding: 1pt 6pt; text-align: left; }
.signatures td { padding: 18pt 12pt 2pt 0; vertical-align: bottom; }
.note { font-size: 9pt; color: #444; }
.people li { margin: 0; }
`;

function list(items: string[]): string {
  return items.length === 0 ? '<p>–</p>' : `<ul class="people">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

/**
 * "Møteprotokoll – <organ> <dato>" (koml. § 11-4): facts, attendance, each item with its
 * treatment, proposals, votes with the parties on each side, and decision; the signatures. One
 * heading per item, so the PDF's bookmarks lead to each. Pure: same model, same HTML.
 */
export function composeProtocol(model: ProtocolModel, options: { edition: 'internal' | 'public'; generatedAt: Date }): ComposedDocument {
  const t = TEXT[model.language];
  const starts = new Date(model.startsAt);
  const title = `${t.title} – ${model.bodyName} ${formatOsloDate(starts)}`;
  const draft = model.approvedAt === null;
  const time = model.openedAt ? `${model.openedAt}${model.closedAt ? `–${model.closedAt}` : ''}` : formatOsloTime(starts);
  const place = model.remote ? [t.remote, model.place].filter(Boolean).join(', ') : model.place;

  const members = model.attendees.filter((a) => a.role === 'member');
  const present = [...members, ...model.attendees.filter((a) => a.role === 'substitute')].filter((a) => a.present);
  const movement = (a: ProtocolModel['attendees'][number]) =>
    [a.fromItem ? t.fromItem(a.fromItem, a.arrivedAt) : null, a.toItem ? t.toItem(a.toItem, a.leftAt) : null].filter(Boolean).join(', ');
  const named = (a: ProtocolModel['attendees'][number]) => `${a.name}${a.party ? ` (${a.party})` : ''}`;
  const presentMembers = members.filter((a) => a.present).map((a) => [named(a), movement(a)].filter(Boolean).join(', '));
  const absent = members.filter((a) => !a.present).map((a) => [named(a), a.absenceReason].filter(Boolean).join(' – '));
  const substitutes = model.attendees
    .filter((a) => a.role === 'substitute' && a.present)
    .map((a) => [named(a), a.meetsFor ? t.meetsFor(a.meetsFor) : null, a.onlyItem ? t.onlyItem(a.onlyItem) : null, movement(a) || null].filter(Boolean).join(', '));
  const officers = model.attendees.filter((a) => a.role === 'officer').map((a) => [a.name, a.title].filter(Boolean).join(', '));
  const signers = model.signatories.map((s) => s.name);

  const body = `
${draft ? `<div class="doc-watermark" aria-hidden="true">${t.draft}</div>` : ''}
<header class="doc-header">
  <p class="doc-kicker">${escapeHtml(model.municipalityName)}${options.edition === 'public' ? ` · ${t.publicEdition}` : ''}</p>
  <h1>${escapeHtml(title)}</h1>
  ${draft ? `<p class="note"><strong>${t.draftNote}</strong></p>` : ''}
  ${model.correctionReason ? `<p class="note">${escapeHtml(t.correction(model.version, model.correctionReason))}</p>` : ''}
  <dl class="doc-facts">
    <dt>${t.body}</dt><dd>${escapeHtml(model.bodyName)}</dd>
    <dt>${t.date}</dt><dd>${escapeHtml(formatOsloDate(starts))}</dd>
    <dt>${t.time}</dt><dd>${escapeHtml(time)}</dd>
    <dt>${t.place}</dt><dd>${escapeHtml(place || '–')}</dd>
    ${model.chairName ? `<dt>${t.chair}</dt><dd>${escapeHtml(model.chairName)}</dd>` : ''}
  </dl>
</header>
<section aria-labelledby="present"><h2 id="present">${t.present}</h2>${list(presentMembers)}<p>${escapeHtml(t.countPresent(present.filter((a) => a.onlyItem === null).length))}</p></section>
<section aria-labelledby="absent"><h2 id="absent">${t.absent}</h2>${list(absent)}</section>
<section aria-labelledby="subs"><h2 id="subs">${t.substitutes}</h2>${list(substitutes)}</section>
${officers.length ? `<section aria-labelledby="officers"><h2 id="officers">${t.officers}</h2>${list(officers)}</section>` : ''}
<section aria-labelledby="remarks"><h2 id="remarks">${t.remarks}</h2><p>${escapeHtml(model.remarks.trim() || t.noRemarks)}</p>
${signers.length ? `<p>${escapeHtml(t.signersChosen(joinNames(signers, model.language)))}</p>` : ''}</section>
${model.items.map((item) => itemSection(item, model.language)).join('\n')}
<p class="closing">${escapeHtml(t.closing(model.closedAt))}</p>
${signatures(model)}`;

  const html = renderDocument({ lang: model.language, title, css: CSS, body });
  return { html, title, headerText: model.municipalityName, footerText: `${t.printed} ${formatPrintedAt(options.generatedAt)}${draft ? ` · ${t.draftNote}` : ''}`, lang: model.language };
}

function joinNames(names: string[], language: ProtocolLanguage): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${language === 'nn' ? 'og' : 'og'} ${names.at(-1)}`;
}

function itemSection(item: ProtocolItem, language: ProtocolLanguage): string {
  const t = TEXT[language];
  const id = `sak-${item.number.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const parts: string[] = [];
  parts.push(`<h2 id="${id}">${escapeHtml(item.number)} ${escapeHtml(item.title)}</h2>`);
  const ref = [item.archiveReference ? `${t.archive} ${item.archiveReference}` : null, item.exempt ? `${t.closed}${item.citation ? ` – ${item.citation}` : ''}` : null].filter(Boolean);
  if (ref.length) parts.push(`<p class="ref">${escapeHtml(ref.join(' · '))}</p>`);
  for (const d of item.disqualifications) {
    parts.push(`<p>${escapeHtml(d.disqualified ? t.disqualified(d.name, d.citation) : t.notDisqualified(d.name, d.citation))} ${escapeHtml(t.rulingNote)}${d.note ? ` ${escapeHtml(d.note)}` : ''}</p>`);
  }
  if (item.outcome === 'postponed') parts.push(`<p>${t.postponed}</p>`);
  if (item.outcome === 'withdrawn') parts.push(`<p>${t.withdrawn}</p>`);
  if (item.treatment.trim()) parts.push(`<h3>${t.treatment}</h3><p style="white-space:pre-wrap">${escapeHtml(item.treatment)}</p>`);
  const proposals = item.proposals.filter((p) => p.text.trim() || p.result || p.outcome !== 'pending');
  if (proposals.length) {
    parts.push(`<h3>${t.vote}</h3>`);
    for (const p of proposals) {
      const heading = p.kind === 'recommendation' ? t.recommendation : t.proposer(t.kinds[p.kind], [p.proposer, p.onBehalfOf ? `på vegne av ${p.onBehalfOf}` : ''].filter(Boolean).join(', '));
      let vote = '';
      if (p.outcome === 'withdrawn') vote = t.withdrawnProposal;
      else if (p.outcome === 'not_voted') vote = t.notVoted;
      else if (p.result) vote = p.result.sentence;
      const counts =
        p.result && p.result.byParty.length && p.result.against > 0 && p.result.for > 0
          ? `<table class="counts"><thead><tr><th scope="col"></th><th scope="col">${t.forVotes}</th><th scope="col">${t.againstVotes}</th></tr></thead><tbody>${p.result.byParty
              .map((c) => `<tr><th scope="row">${escapeHtml(c.party)}</th><td>${c.for}</td><td>${c.against}</td></tr>`)
              .join('')}</tbody></table>${
              p.result.namedFor.length || p.result.namedAgainst.length
                ? `<p class="note">${p.result.namedFor.length ? `${t.forVotes}: ${escapeHtml(p.result.namedFor.join(', '))}. ` : ''}${p.result.namedAgainst.length ? `${t.againstVotes}: ${escapeHtml(p.result.namedAgainst.join(', '))}.` : ''}</p>`
                : ''
            }`
          : '';
      parts.push(
        `<div class="proposal"><p><strong>${escapeHtml(heading)}</strong></p>${p.text.trim() ? `<p class="text">${escapeHtml(p.text)}</p>` : ''}${vote ? `<p class="vote">${escapeHtml(vote)}</p>` : ''}${counts}</div>`,
      );
    }
  }
  if (!item.quorate && item.outcome === 'treated') parts.push(`<p><strong>${t.notQuorate}</strong></p>`);
  if (item.outcome === 'treated') {
    parts.push(`<h3>${t.decision}</h3>`);
    parts.push(item.decision.trim() ? `<div class="decision">${escapeHtml(item.decision)}</div>` : item.decisionExempt ? `<p>${t.decisionExempt}</p>` : '<p>–</p>');
  }
  return `<section class="item" aria-labelledby="${id}">${parts.join('\n')}</section>`;
}

function signatures(model: ProtocolModel): string {
  const t = TEXT[model.language];
  if (model.approvalMethod === 'next_meeting') {
    return `<section aria-labelledby="sign"><h2 id="sign">${t.signatures}</h2><p>${
      model.approvedInItem ? escapeHtml(t.approvedInMeeting(model.approvedInItem)) : escapeHtml(t.draftNote)
    }${model.approvedAt ? ` ${escapeHtml(t.approved(formatPrintedAt(new Date(model.approvedAt))))}` : ''}</p></section>`;
  }
  const rows = model.signatories
    .map((s) => `<tr><td>${escapeHtml(s.name)}</td><td>${escapeHtml(s.signedAt ? t.signedAt(formatPrintedAt(new Date(s.signedAt))) : t.notSigned)}</td></tr>`)
    .join('');
  return `<section aria-labelledby="sign"><h2 id="sign">${t.signatures}</h2><p>${t.confirm}</p><table class="signatures"><tbody>${rows}</tbody></table></section>`;
}
