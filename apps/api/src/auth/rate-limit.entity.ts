import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Hits per client and limit in the current window (sign-in, public links), shared by every API
 * process. Not tenant data: a client address is counted across municipalities.
 */
@Entity({ tableName: 'rate_limit' })
export class RateLimit {
  @PrimaryKey({ type: 'string', length: 300 })
  key!: string;

  @PrimaryKey({ type: 'string', length: 50 })
  throttler!: string;

  @Property({ type: 'integer' })
  hits!: number;

  @Property({ type: 'datetime' })
  windowEndsAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  blockedUntil?: Date | null;
}
