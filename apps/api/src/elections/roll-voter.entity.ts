import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type Ref } from '@mikro-orm/core';
import { Municipality } from '../core/municipality.entity.js';

/**
 * The electoral roll (manntall) of an election: every voter, of every municipality, since any
 * municipality receives advance votes for any other. Loaded with COPY; read by primary key.
 */
@Entity({ tableName: 'roll_voter' })
@Index({ properties: ['electionId', 'birthDate'] })
export class RollVoter {
  @PrimaryKey({ type: 'uuid' })
  electionId!: string;

  @PrimaryKey({ type: 'string', length: 11 })
  personalNumber!: string;

  /** The municipality that imported the roll (row-level security), not the voter's. */
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  @Index()
  municipality!: Ref<Municipality>;

  @Property({ type: 'string', length: 100 })
  givenName!: string;

  @Property({ type: 'string', length: 100 })
  familyName!: string;

  @Property({ type: 'date' })
  birthDate!: string;

  @Property({ type: 'string', length: 200 })
  address!: string;

  /** Kommunenummer of the voter's municipality. */
  @Property({ type: 'string', length: 4 })
  municipalityNumber!: string;

  /** Stemmekrets / polling district. */
  @Property({ type: 'string', length: 100 })
  district!: string;
}
