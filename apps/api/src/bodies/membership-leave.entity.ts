import { Check, Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../core/tenant-entity.js';
import { Membership } from './membership.entity.js';

/**
 * Leave (permisjon) for a period, or release (fritak) from office, koml. § 7-9. While it lasts
 * the substitutes of the member's list move up. A release without end date is for good.
 */
@Entity({ tableName: 'membership_leave' })
@Check({ name: 'membership_leave_period_check', expression: '"to" is null or "to" >= "from"' })
export class MembershipLeave extends TenantEntity {
  [OptionalProps]?: 'to' | 'decisionRef' | 'id' | 'createdAt';

  @ManyToOne(() => Membership, { ref: true, deleteRule: 'restrict' })
  membership!: Ref<Membership>;

  @Enum({ items: ['leave', 'release'] })
  kind!: 'leave' | 'release';

  @Property({ type: 'date', fieldName: 'from' })
  from!: string;

  @Property({ type: 'date', fieldName: 'to', nullable: true })
  to: string | null = null;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Property({ type: 'string', length: 50, nullable: true })
  decisionRef: string | null = null;
}
