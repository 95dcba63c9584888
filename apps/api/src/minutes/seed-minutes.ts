import type { EntityManager } from '@mikro-orm/postgresql';
import { activeOn, osloDay } from '../core/dates.js';
import { Membership } from '../bodies/membership.entity.js';
import type { AgendaItem } from '../meetings/agenda-item.entity.js';
import type { Meeting } from '../meetings/meeting.entity.js';
import { MinutesAttendee } from './minutes-attendee.entity.js';
import { MinutesItem } from './minutes-item.entity.js';
import { MinutesProposal } from './proposal.entity.js';
import { MinutesRecord } from './minutes-record.entity.js';
import { ProtocolSignature } from './protocol-signature.entity.js';
import { ProtocolVersion } from './protocol-version.entity.js';

/**
 * The demo's held meeting gets its minutes and an approved protocol (approved in the next
 * meeting), so a newcomer sees one at once. Its PDFs are rendered and stored on first request.
 */
export async function seedDemoMinutes(em: EntityManager, municipality: string, meeting: Meeting, items: AgendaItem[]): Promise<void> {
  const day = osloDay(meeting.startsAt);
  const seats = await em.find(Membership, { body: meeting.body.id, kind: 'member', ...activeOn(day) }, { populate: ['person', 'party'], orderBy: { person: { familyName: 'asc' } } });
  const leader = seats.find((s) => s.role === 'leader');
  const signers = seats.filter((s) => s.role !== 'leader').slice(0, 2);
  em.create(MinutesRecord, {
    municipality,
    meeting,
    openedAt: '18:00',
    closedAt: '20:40',
    chairPersonId: leader?.person.id ?? null,
    approvalMethod: 'signatures',
    signatoryPersonIds: signers.map((s) => s.person.id),
  });
  const absent = seats.at(-1)!;
  for (const s of seats) {
    em.create(MinutesAttendee, {
      municipality,
      meeting,
      person: s.person,
      name: s.person.getEntity().fullName(),
      party: s.party?.getEntity().shortName ?? null,
      role: 'member',
      present: s !== absent,
      absenceReason: s === absent ? 'Sykdom' : '',
    });
  }
  em.create(MinutesAttendee, { municipality, meeting, name: 'Kari Saksbehandler', title: 'Kommunedirektør', role: 'officer' });
  const against = seats.filter((s) => s !== absent && s.party?.getEntity().shortName === 'FrP').map((s) => s.person.id);
  for (const item of items) {
    const text = item.case?.getEntity().recommendation ?? '';
    em.create(MinutesItem, { municipality, agendaItem: item, outcome: 'treated', treatment: item.type === 'PS' ? 'Saken ble debattert. FrP varslet at de ville stemme mot innstillingen.' : 'Orienteringen ble tatt til etterretning.' });
    if (item.type === 'PS') {
      em.create(MinutesProposal, { municipality, agendaItem: item, ordinal: 1, kind: 'recommendation', proposer: 'Innstilling', text, outcome: 'voted', againstPersonIds: against });
      item.decision = text;
    } else {
      item.decision = 'Orienteringen tas til orientering.';
    }
  }
  const signedAt = new Date(meeting.startsAt.getTime() + 3 * 24 * 3_600_000);
  const version = em.create(ProtocolVersion, { municipality, meeting, version: 1, status: 'approved', approvalMethod: 'signatures', signatoryPersonIds: signers.map((s) => s.person.id), approvedAt: signedAt });
  for (const s of signers) em.create(ProtocolSignature, { municipality, protocol: version, person: s.person, // Demo data: signed before any demo user existed, so by no sign-in.
      userId: '00000000-0000-4000-8000-000000000000',
      createdAt: signedAt });
  meeting.status = 'minutes_approved';
}
