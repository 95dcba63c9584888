import { Entity, Enum, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { APPROVAL_METHODS, PROTOCOL_LANGUAGES, type ApprovalMethod, type ProtocolLanguage } from '@sekretariat/contracts';
import { Meeting } from '../meetings/meeting.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/** The protocol's facts of one meeting: written standard, actual times, chair, remarks and how it is approved. */
@Entity({ tableName: 'minutes_record' })
export class MinutesRecord extends TenantEntity {
  [OptionalProps]?: 'language' | 'openedAt' | 'closedAt' | 'chairPersonId' | 'remarks' | 'approvalMethod' | 'signatoryPersonIds' | 'id' | 'createdAt';

  @OneToOne(() => Meeting, { ref: true, owner: true, deleteRule: 'restrict', unique: 'minutes_record_meeting_unique' })
  meeting!: Ref<Meeting>;

  @Enum({ items: [...PROTOCOL_LANGUAGES], default: 'nb' })
  language: ProtocolLanguage & Opt = 'nb';

  @Property({ type: 'string', length: 5, nullable: true })
  openedAt: string | null = null;

  @Property({ type: 'string', length: 5, nullable: true })
  closedAt: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  chairPersonId: string | null = null;

  @Property({ type: 'text', default: '' })
  remarks: string & Opt = '';

  @Enum({ items: [...APPROVAL_METHODS], default: 'signatures' })
  approvalMethod: ApprovalMethod & Opt = 'signatures';

  @Property({ type: 'uuid[]', defaultRaw: "'{}'" })
  signatoryPersonIds: string[] & Opt = [];
}
