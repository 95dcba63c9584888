import { Migration } from '@mikro-orm/migrations';

/** The audit log says where a request came from: sign-ins, failed sign-ins and changes over HTTP. */
export class Migration20261206110000AuditClient extends Migration {
  override up(): void {
    this.addSql(`alter table "audit_log" add column "client_address" varchar(64) null, add column "user_agent" varchar(300) null`);
  }
}
