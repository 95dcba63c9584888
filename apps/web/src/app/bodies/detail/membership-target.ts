import type { MembershipKind } from '@sekretariat/contracts';

/** The membership a row action (end, leave) is about. */
export interface MembershipTarget {
  readonly membershipId: string;
  readonly name: string;
  readonly kind: MembershipKind;
  readonly from: string;
}
