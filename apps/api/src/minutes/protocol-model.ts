import type { ApprovalMethod, AttendeeRole, ItemOutcome, ProposalKind, ProposalOutcome, ProtocolLanguage, VoteResult } from '@sekretariat/contracts';

/**
 * The protocol as data: what the PDF (both editions) and the open data are made from. An
 * approved version stores this as it was approved, so they can always be made again the same.
 */
export interface ProtocolModel {
  municipalityName: string;
  bodyName: string;
  language: ProtocolLanguage;
  startsAt: string;
  place: string;
  remote: boolean;
  openedAt: string | null;
  closedAt: string | null;
  remarks: string;
  chairName: string | null;
  memberCount: number;
  attendees: Array<{ name: string; party: string | null; role: AttendeeRole; title: string; meetsFor: string | null; onlyItem: string | null; present: boolean; absenceReason: string; fromItem: string | null; toItem: string | null; arrivedAt: string | null; leftAt: string | null }>;
  items: ProtocolItem[];
  version: number;
  correctionReason: string | null;
  approvalMethod: ApprovalMethod;
  approvedAt: string | null;
  approvedInItem: string | null;
  signatories: Array<{ name: string; signedAt: string | null }>;
}

export interface ProtocolItem {
  number: string;
  title: string;
  archiveReference: string | null;
  /** Closed session or an exempt case. */
  exempt: boolean;
  citation: string | null;
  outcome: ItemOutcome;
  treatment: string;
  decision: string;
  decisionExempt: boolean;
  votingPresent: number;
  quorate: boolean;
  disqualifications: Array<{ name: string; citation: string; disqualified: boolean; note: string }>;
  proposals: Array<{ kind: ProposalKind; proposer: string; onBehalfOf: string; text: string; outcome: ProposalOutcome; result: VoteResult | null }>;
}

export const EXEMPT_TITLE = { nb: 'Unntatt offentlighet', nn: 'Unnateke frå offentleg innsyn' } as const;

/**
 * The public edition: a closed item shows its number, "Unntatt offentlighet" and the legal
 * ground in full; its title, treatment, proposals' text and named votes are left out; its
 * decision stays unless the decision itself is marked exempt. Reasons for absence are private.
 */
export function publicEdition(model: ProtocolModel): ProtocolModel {
  return {
    ...model,
    attendees: model.attendees.map((a) => ({ ...a, absenceReason: '' })),
    items: model.items.map((item) => {
      if (!item.exempt) return item;
      return {
        ...item,
        title: EXEMPT_TITLE[model.language],
        treatment: '',
        decision: item.decisionExempt ? '' : item.decision,
        disqualifications: item.disqualifications.map((d) => ({ ...d, note: '' })),
        proposals: item.proposals.map((p) => ({
          ...p,
          text: '',
          result: p.result ? { ...p.result, namedFor: [], namedAgainst: [], sentence: p.result.sentence } : null,
        })),
      };
    }),
  };
}
