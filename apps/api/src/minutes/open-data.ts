import type { OpenProtocol } from '@sekretariat/contracts';
import type { ProtocolModel } from './protocol-model.js';

/**
 * The public edition of an approved protocol as open data (OParl names, Popolo's VoteEvent for
 * the votes): made from the same model as the PDF, so the two never disagree.
 */
export function openProtocol(meetingId: string, model: ProtocolModel, pdfUrl: string): OpenProtocol {
  const counts = (yes: number, no: number) => [
    { option: 'yes' as const, value: yes },
    { option: 'no' as const, value: no },
  ];
  return {
    type: 'https://schema.oparl.org/1.1/Meeting',
    id: meetingId,
    name: `${model.bodyName} ${model.startsAt.slice(0, 10)}`,
    organization: { type: 'https://schema.oparl.org/1.1/Organization', name: model.bodyName },
    municipality: model.municipalityName,
    start: model.startsAt,
    end: null,
    location: model.remote ? ['Fjernmøte', model.place].filter(Boolean).join(', ') : model.place,
    meetingState: 'approved',
    protocol: { version: model.version, approvedAt: model.approvedAt!, corrected: model.version > 1, language: model.language, pdf: pdfUrl },
    participant: model.attendees
      .filter((a) => a.present)
      .map((a) => ({ type: 'https://schema.oparl.org/1.1/Person' as const, name: a.name, party: a.party, role: a.role, meetsFor: a.meetsFor, onlyItem: a.onlyItem })),
    absent: model.attendees.filter((a) => !a.present && a.role === 'member').map((a) => ({ name: a.name, party: a.party })),
    agendaItem: model.items.map((item) => ({
      type: 'https://schema.oparl.org/1.1/AgendaItem' as const,
      number: item.number,
      name: item.title,
      public: !item.exempt,
      exemptCitation: item.exempt ? item.citation : null,
      consultation: item.archiveReference && !item.exempt ? { paper: { reference: item.archiveReference, name: item.title } } : null,
      result: item.outcome,
      resolutionText: item.decision.trim() ? item.decision : null,
      disqualified: item.disqualifications.filter((d) => d.disqualified).map((d) => ({ name: d.name, citation: d.citation })),
      voteEvent: item.proposals
        .filter((p) => p.outcome !== 'pending')
        .map((p) => ({
          motion: { kind: p.kind, proposer: p.proposer, text: p.text.trim() ? p.text : null },
          result: p.outcome === 'voted' ? (p.result?.adopted ? ('pass' as const) : ('fail' as const)) : p.outcome === 'withdrawn' ? ('withdrawn' as const) : ('not_voted' as const),
          chairDecided: p.result?.chairDecided ?? false,
          counts: p.result ? counts(p.result.for, p.result.against) : [],
          group_results: (p.result?.byParty ?? []).map((g) => ({ group: g.party, counts: counts(g.for, g.against) })),
          votes: [
            ...(p.result?.namedFor ?? []).map((voter) => ({ voter, option: 'yes' as const })),
            ...(p.result?.namedAgainst ?? []).map((voter) => ({ voter, option: 'no' as const })),
          ],
        })),
    })),
  };
}
