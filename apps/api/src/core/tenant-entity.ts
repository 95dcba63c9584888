import { Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Municipality } from './municipality.entity.js';

/**
 * A record that belongs to one municipality. Row-level security in PostgreSQL keys on
 * `municipality_id`, so a request can only see and write rows of its own municipality.
 */
export abstract class TenantEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  @Index()
  municipality!: Ref<Municipality>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
