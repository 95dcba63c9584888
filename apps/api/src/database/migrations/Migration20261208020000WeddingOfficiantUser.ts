import { Migration } from '@mikro-orm/migrations';

/**
 * The officiant's own view: an officiant may be linked to the user who signs in as them (role
 * wedding_officiant), one officiant per user in a municipality; and each booking counts its
 * calendar revisions (iCalendar SEQUENCE), so a moved ceremony updates the couple's calendar entry.
 */
export class Migration20261208020000WeddingOfficiantUser extends Migration {
  override up(): void {
    for (const sql of [
      `alter table "wedding_officiant" add column "user_id" uuid null`,
      `alter table "wedding_officiant" add constraint "wedding_officiant_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete set null`,
      `alter table "wedding_officiant" add constraint "wedding_officiant_user_unique" unique ("municipality_id", "user_id")`,
      `alter table "wedding_booking" add column "calendar_sequence" int not null default 0`,
    ]) {
      this.addSql(sql);
    }
  }
}
