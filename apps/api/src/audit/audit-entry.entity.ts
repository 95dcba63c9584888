import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { Municipality } from '../core/municipality.entity.js';

/**
 * One change, as it was made. The table is append-only: the application role may only
 * INSERT and SELECT, and a trigger refuses UPDATE and DELETE for everyone.
 */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditEntry {
  [OptionalProps]?: 'before' | 'after' | 'actorId' | 'requestId' | 'clientAddress' | 'userAgent';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string & Opt;

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  @Index()
  municipality!: Ref<Municipality>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date & Opt = new Date();

  /** The user who made the change; null for the system (imports, jobs). */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 200 })
  actorName!: string;

  /** What was done, e.g. `body.create`, `vote.register`. */
  @Property({ type: 'string', length: 100 })
  action!: string;

  @Property({ type: 'string', length: 100 })
  entityType!: string;

  @Property({ type: 'string', length: 100 })
  entityId!: string;

  @Property({ type: 'json', nullable: true })
  before: unknown = null;

  @Property({ type: 'json', nullable: true })
  after: unknown = null;

  @Property({ type: 'string', length: 100, nullable: true })
  requestId: string | null = null;

  /** Where the request came from (sign-ins, failed sign-ins and every change made over HTTP). */
  @Property({ type: 'string', length: 64, nullable: true })
  clientAddress: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  userAgent: string | null = null;
}
