import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../core/tenant-entity.js';
import { WeddingPlace } from './wedding-place.entity.js';

/** A day without ceremonies, at one place or (place null) everywhere. Public holidays need no row: they are computed. */
@Entity({ tableName: 'wedding_blocked_day' })
export class WeddingBlockedDay extends TenantEntity {
  [OptionalProps]?: 'place' | 'reason' | 'id' | 'createdAt';

  @Property({ type: 'date' })
  date!: string;

  @ManyToOne(() => WeddingPlace, { ref: true, nullable: true, deleteRule: 'restrict' })
  place: Ref<WeddingPlace> | null = null;

  @Property({ type: 'string', length: 300, default: '' })
  reason: string & Opt = '';
}
