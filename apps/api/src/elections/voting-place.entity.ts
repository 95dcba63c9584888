import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, type Ref } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';
import { Election } from './election.entity.js';

export interface OpeningHour {
  date: string;
  from: string;
  to: string;
}

/** A place that receives advance votes (stemmested), with its opening hours per day. */
@Entity({ tableName: 'voting_place' })
export class VotingPlace extends TenantEntity {
  @ManyToOne(() => Election, { ref: true, deleteRule: 'restrict' })
  election!: Ref<Election>;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 300, default: '' })
  address: string & Opt = '';

  @Property({ type: 'json' })
  openingHours: OpeningHour[] & Opt = [];
}

/** Election staff assigned to a voting place: only they may register votes there. */
@Entity({ tableName: 'voting_place_staff' })
@Unique({ properties: ['votingPlace', 'user'] })
export class VotingPlaceStaff extends TenantEntity {
  @ManyToOne(() => VotingPlace, { ref: true, deleteRule: 'cascade' })
  votingPlace!: Ref<VotingPlace>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;
}
