import type { OfficiantKind } from '@sekretariat/contracts';

export interface OfficiantAuthority {
  kind: OfficiantKind;
  active: boolean;
  authorisedFrom: string | null;
  authorisedTo: string | null;
}

/**
 * Whether an officiant may officiate on a day (el. § 12): the mayor and deputy mayor by law,
 * others only within the period of the municipal council's authorisation.
 */
export function canOfficiate(o: OfficiantAuthority, day: string): boolean {
  if (!o.active) return false;
  if (o.kind !== 'authorised') return true;
  return o.authorisedFrom !== null && o.authorisedFrom <= day && (o.authorisedTo === null || day <= o.authorisedTo);
}
