import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A municipality (kommune): the tenant every other record belongs to. */
@Entity({ tableName: 'municipality' })
export class Municipality {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** Used in public URLs: /api/public/<slug>/… */
  @Property({ type: 'string', length: 50, unique: true })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Kommunenummer, four digits (synthetic in demo data). */
  @Property({ type: 'string', length: 4, unique: true })
  number!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
