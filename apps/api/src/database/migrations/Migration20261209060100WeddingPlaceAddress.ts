import { Migration } from '@mikro-orm/migrations';

/** A ceremony place gets a street address: on the public booking page, the confirmation (mail, PDF) and the calendar entry's LOCATION. */
export class Migration20261209060100WeddingPlaceAddress extends Migration {
  override up(): void {
    this.addSql(`alter table "wedding_place" add column "address" text not null default ''`);
  }
}
