import type { Application, Caller, Institution } from '@sekretariat/contracts';
import { maskPersonalNumber } from '../common/personal-number.js';

/** Who may read the reason of an application (health-related): election staff and admin, no one else. */
export const REASON_READERS: readonly Caller[] = ['election_staff', 'admin'];

export function mayReadReason(roles: readonly Caller[]): boolean {
  return roles.some((r) => REASON_READERS.includes(r));
}

export interface ApplicationRow {
  id: string;
  election_id: string;
  reference: string;
  personal_number: string;
  name: string;
  address: string;
  postcode: string;
  phone: string;
  applied_by: string | null;
  channel: Application['channel'];
  status: Application['status'];
  reason: string;
  received_at: Date;
  route_id: string | null;
}

export const APPLICATION_SELECT = `select a.id, a.election_id, a.reference, a.personal_number, a.name, a.address, a.postcode, a.phone, a.applied_by, a.channel, a.status, a.reason, a.received_at,
  (select s.route_id from outreach_stop s where s.application_id = a.id and s.claim = 'open' limit 1) as route_id
  from outreach_application a`;

export function applicationDto(r: ApplicationRow, roles: readonly Caller[]): Application {
  return {
    id: r.id,
    electionId: r.election_id,
    reference: r.reference,
    personalNumberMasked: maskPersonalNumber(r.personal_number),
    name: r.name,
    address: r.address,
    postcode: r.postcode,
    phone: r.phone,
    appliedBy: r.applied_by,
    channel: r.channel,
    status: r.status,
    reason: mayReadReason(roles) ? r.reason : null,
    receivedAt: new Date(r.received_at).toISOString(),
    routeId: r.route_id,
  };
}

export interface InstitutionRow {
  id: string;
  kind: Institution['kind'];
  name: string;
  address: string;
  postcode: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  locale: Institution['locale'];
}

export const INSTITUTION_COLUMNS = 'i.id, i.kind, i.name, i.address, i.postcode, i.contact_name, i.contact_email, i.contact_phone, i.locale';

export function institutionDto(r: InstitutionRow): Institution {
  return { id: r.id, kind: r.kind, name: r.name, address: r.address, postcode: r.postcode, contactName: r.contact_name, contactEmail: r.contact_email, contactPhone: r.contact_phone, locale: r.locale };
}
