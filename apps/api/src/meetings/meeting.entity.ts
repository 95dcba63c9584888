import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { MEETING_STATUSES, type MeetingStatus } from '@sekretariat/contracts';
import { Body } from '../bodies/body.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/** A meeting of a body (koml. ch. 11). Visible to the public once the notice is sent. */
@Entity({ tableName: 'meeting' })
@Index({ properties: ['body', 'startsAt'] })
@Check({ name: 'meeting_cancellation_check', expression: `("cancelled_at" is null) = ("cancel_reason" is null)` })
@Check({ name: 'meeting_cancelled_not_held_check', expression: `"cancelled_at" is null or "status" in ('planned', 'notice_sent')` })
export class Meeting extends TenantEntity {
  [OptionalProps]?: 'endsAt' | 'place' | 'remote' | 'status' | 'videoUrl' | 'noticeSentAt' | 'cancelledAt' | 'cancelReason' | 'id' | 'createdAt';

  @ManyToOne(() => Body, { ref: true, deleteRule: 'restrict' })
  body!: Ref<Body>;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  endsAt: Date | null = null;

  @Property({ type: 'string', length: 300, default: '' })
  place: string & Opt = '';

  /** Fjernmøte (koml. § 11-7): not allowed for items that must be closed under § 11-5 (2). */
  @Property({ type: 'boolean', default: false })
  remote: boolean & Opt = false;

  @Enum({ items: [...MEETING_STATUSES], default: 'planned' })
  status: MeetingStatus & Opt = 'planned';

  /** The stream or recording (koml. § 11-6). */
  @Property({ type: 'string', length: 500, nullable: true })
  videoUrl: string | null = null;

  /** When the notice went out (publishing), to show its timeliness against the notice period. */
  @Property({ type: 'datetime', nullable: true })
  noticeSentAt: Date | null = null;

  /** Cancelled (avlyst): when and why. The meeting keeps its status and agenda, and is closed to changes. */
  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  /** Items may be added and moved until the meeting is held (late items after the notice too), not once cancelled. */
  acceptsAgendaChanges(): boolean {
    return this.cancelledAt === null && (this.status === 'planned' || this.status === 'notice_sent');
  }
}
