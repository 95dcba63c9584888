import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { AGENDA_ITEM_TYPES, type AgendaItemType } from '@sekretariat/contracts';
import { Body } from '../bodies/body.entity.js';
import { Person } from '../bodies/person.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';
import { Case } from '../cases/case.entity.js';
import { Meeting } from './meeting.entity.js';

/**
 * An item on a meeting's agenda (saksliste), numbered per body and year ("PS 12/25"). The body
 * is kept on the item so the database itself refuses a number used twice.
 */
@Entity({ tableName: 'agenda_item' })
@Index({ properties: ['meeting', 'position'] })
@Index({ properties: ['case'] })
@Unique({ name: 'agenda_item_number_unique', properties: ['body', 'year', 'type', 'sequence'] })
@Check({ name: 'agenda_item_closed_check', expression: 'not "closed" or "legal_ground" is not null' })
@Check({ name: 'agenda_item_title_check', expression: '"case_id" is not null or "title" is not null' })
export class AgendaItem extends TenantEntity {
  [OptionalProps]?: 'case' | 'title' | 'closed' | 'legalGround' | 'videoStartSeconds' | 'recommendation' | 'decision' | 'asker' | 'id' | 'createdAt';

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'restrict' })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => Body, { ref: true, deleteRule: 'restrict' })
  body!: Ref<Body>;

  @ManyToOne(() => Case, { ref: true, nullable: true, deleteRule: 'restrict' })
  case: Ref<Case> | null = null;

  /** Title of an item without a case. */
  @Property({ type: 'string', length: 300, nullable: true })
  title: string | null = null;

  @Enum({ items: [...AGENDA_ITEM_TYPES] })
  type!: AgendaItemType;

  /** The numbering year (the meeting's year in Norway) and the sequence within it. */
  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  sequence!: number;

  /** "PS 12/25", written from type, sequence and year. */
  @Property({ type: 'string', length: 20 })
  number!: string;

  @Property({ type: 'integer' })
  position!: number;

  /** Treated in closed session (koml. § 11-5), with the legal ground recorded. */
  @Property({ type: 'boolean', default: false })
  closed: boolean & Opt = false;

  @Property({ type: 'string', length: 40, nullable: true })
  legalGround: string | null = null;

  /** Where the item starts in the meeting's video. */
  @Property({ type: 'integer', nullable: true })
  videoStartSeconds: number | null = null;

  /** The body's own recommendation (innstilling) when it passes the case on (saksgang). */
  @Property({ type: 'text', default: '' })
  recommendation: string & Opt = '';

  /** The decision (vedtak), written once the meeting is held. */
  @Property({ type: 'text', default: '' })
  decision: string & Opt = '';

  /** Who asks, for questions (SP) and interpellations (IP). */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  asker: Ref<Person> | null = null;
}
