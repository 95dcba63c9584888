import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { type Opt } from '@mikro-orm/core';
import { ELECTION_TYPES, type ElectionType } from '@sekretariat/contracts';
import { TenantEntity } from '../core/tenant-entity.js';

/** An election, with its advance voting periods computed from election day when it is created. */
@Entity({ tableName: 'election' })
export class Election extends TenantEntity {
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: [...ELECTION_TYPES] })
  type!: ElectionType;

  @Property({ type: 'date' })
  electionDay!: string;

  @Property({ type: 'date' })
  earlyFrom!: string;

  @Property({ type: 'date' })
  earlyTo!: string;

  @Property({ type: 'date' })
  advanceFrom!: string;

  @Property({ type: 'date' })
  advanceTo!: string;

  /** The municipality runs this election itself (referendum, youth council): this system is the legal record. */
  @Property({ type: 'boolean', default: false })
  legalRecord: boolean & Opt = false;

  /** The written standard (målform) of the board's record: bokmål or nynorsk; null: the municipality's. */
  @Enum({ items: ['nb', 'nn'], nullable: true })
  recordLanguage?: 'nb' | 'nn' | null = null;

  /** Months after election day before the roll and the voters' personal numbers are deleted; null: the default (rules/retention.ts). */
  @Property({ type: 'integer', nullable: true })
  retentionMonths?: number | null = null;

  /** When the retention job deleted the roll and personal numbers. */
  @Property({ type: 'datetime', nullable: true })
  purgedAt?: Date | null = null;
}
