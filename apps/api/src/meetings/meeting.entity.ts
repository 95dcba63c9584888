import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { MEETING_STATUSES, type MeetingStatus } from '@sekretariat/contracts';
import { Body } from '../bodies/body.entity.js';
import { TenantEntity } from '../municipalities/tenant-entity.js';

/** A meeting of a body (koml. ch. 11). Visible to the public once the notice is sent. */
@Entity({ tableName: 'meeting' })
@Index({ properties: ['body', 'startsAt'] })
export class Meeting extends TenantEntity {
  [OptionalProps]?: 'endsAt' | 'place' | 'remote' | 'status' | 'videoUrl' | 'noticeSentAt' | 'id' | 'createdAt';

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

  /** Items may be added and moved until the meeting is held (late items after the notice too). */
  acceptsAgendaChanges(): boolean {
    return this.status === 'planned' || this.status === 'notice_sent';
  }
}
