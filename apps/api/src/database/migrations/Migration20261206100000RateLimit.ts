import { Migration } from '@mikro-orm/migrations';

/** Rate-limit counts shared by every API process (sign-in attempts per client address). */
export class Migration20261206100000RateLimit extends Migration {
  override up(): void {
    this.addSql(
      `create table "rate_limit" ("key" varchar(300) not null, "throttler" varchar(50) not null, "hits" int not null, "window_ends_at" timestamptz not null, "blocked_until" timestamptz null, primary key ("key", "throttler"))`,
    );
  }
}
