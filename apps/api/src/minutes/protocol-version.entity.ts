import { Check, Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { APPROVAL_METHODS, PROTOCOL_STATUSES, type ApprovalMethod, type ProtocolStatus } from '@sekretariat/contracts';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/**
 * One version of a meeting's protocol. A draft until approved; an approved version keeps what was
 * approved (the data, and both PDFs with their checksums) and is never changed: a correction
 * makes the next version, with its reason, and the earlier one becomes superseded once that is approved.
 */
@Entity({ tableName: 'protocol_version' })
@Unique({ name: 'protocol_version_unique', properties: ['meeting', 'version'] })
@Unique({ name: 'protocol_version_one_draft', properties: ['meeting'], where: `(status = 'draft')` })
@Check({ name: 'protocol_version_approved_check', expression: `(status = 'draft') = (approved_at is null)` })
export class ProtocolVersion extends TenantEntity {
  [OptionalProps]?: 'status' | 'correctionReason' | 'approvedAt' | 'approvedInItem' | 'snapshot' | 'internalPdf' | 'publicPdf' | 'internalSha256' | 'publicSha256' | 'id' | 'createdAt';

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'restrict' })
  meeting!: Ref<Meeting>;

  @Property({ type: 'integer' })
  version!: number;

  @Enum({ items: [...PROTOCOL_STATUSES], default: 'draft' })
  status: ProtocolStatus & Opt = 'draft';

  @Enum({ items: [...APPROVAL_METHODS] })
  approvalMethod!: ApprovalMethod;

  @Property({ type: 'uuid[]', defaultRaw: "'{}'" })
  signatoryPersonIds: string[] & Opt = [];

  @Property({ type: 'string', length: 2000, nullable: true })
  correctionReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  approvedAt: Date | null = null;

  /** Approved as this item of the body's next meeting. */
  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'restrict' })
  approvedInItem: Ref<AgendaItem> | null = null;

  /** The protocol as approved (the model both PDFs and the open data are made from). */
  @Property({ type: 'json', nullable: true, lazy: true })
  snapshot: unknown = null;

  @Property({ type: 'blob', nullable: true, lazy: true })
  internalPdf: Buffer | null = null;

  @Property({ type: 'blob', nullable: true, lazy: true })
  publicPdf: Buffer | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  internalSha256: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  publicSha256: string | null = null;
}
