import { Migration } from '@mikro-orm/migrations';

/**
 * Civil weddings' records: how long the couple's personal data is kept (months, per
 * municipality), and on each booking when it was anonymised and the fee rule's classification of
 * the couple (kept for the statistics once the residences are removed with the rest).
 */
export class Migration20261208010000WeddingRecords extends Migration {
  override up(): void {
    for (const sql of [
      `alter table "wedding_settings" add column "retention_months" int not null default 12`,
      `alter table "wedding_settings" add constraint "wedding_settings_retention_months_check" check (retention_months >= 1 and retention_months <= 120)`,
      `alter table "wedding_booking" add column "residence_class" text null, add column "anonymised_at" timestamptz null`,
      `alter table "wedding_booking" add constraint "wedding_booking_residence_class_check" check ("residence_class" in ('resident', 'abroad', 'non_resident'))`,
    ]) {
      this.addSql(sql);
    }
  }
}
