import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../core/tenant.js';
import { tenantTableSql } from './tenant-table-sql.js';

/**
 * Meeting plan: questions (SP) and interpellations (IP) with their asker, each body's
 * recommendation and decision on an item (saksgang), the numbers removed items leave behind
 * (never given again), and officials' secret calendar addresses.
 */
export class Migration20261126030000MeetingPlan extends Migration {
  override up(): void {
    for (const sql of [
      `alter table "agenda_item" add column "recommendation" text not null default '', add column "decision" text not null default '', add column "asker_id" uuid null`,
      `alter table "agenda_item" add constraint "agenda_item_asker_id_foreign" foreign key ("asker_id") references "person" ("id") on delete restrict`,
      `alter table "agenda_item" drop constraint "agenda_item_type_check"`,
      `alter table "agenda_item" add constraint "agenda_item_type_check" check ("type" in ('PS', 'RS', 'OS', 'DS', 'SP', 'IP'))`,
      `create table "calendar_link" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "person_id" uuid not null, "token_hash" varchar(64) not null, primary key ("id"))`,
      `create index "calendar_link_municipality_id_index" on "calendar_link" ("municipality_id")`,
      `alter table "calendar_link" add constraint "calendar_link_user_id_unique" unique ("user_id")`,
      `alter table "calendar_link" add constraint "calendar_link_token_hash_unique" unique ("token_hash")`,
      `alter table "calendar_link" add constraint "calendar_link_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "calendar_link" add constraint "calendar_link_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade`,
      `alter table "calendar_link" add constraint "calendar_link_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade`,
      `create table "agenda_sequence" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "body_id" uuid not null, "year" int not null, "type" text not null, "last" int not null, primary key ("id"))`,
      `create index "agenda_sequence_municipality_id_index" on "agenda_sequence" ("municipality_id")`,
      `alter table "agenda_sequence" add constraint "agenda_sequence_body_year_type_unique" unique ("body_id", "year", "type")`,
      `alter table "agenda_sequence" add constraint "agenda_sequence_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "agenda_sequence" add constraint "agenda_sequence_body_id_foreign" foreign key ("body_id") references "body" ("id") on delete restrict`,
      `alter table "agenda_sequence" add constraint "agenda_sequence_type_check" check ("type" in ('PS', 'RS', 'OS', 'DS', 'SP', 'IP'))`,
      ...tenantTableSql('calendar_link'),
      ...tenantTableSql('agenda_sequence'),
      // A calendar app fetches the feed with no cookie and no municipality in the path: this is the
      // one look-up across municipalities it needs, and it returns only whose feed the token opens.
      `create function calendar_link_owner(p_token_hash text)
        returns table (municipality_id uuid, person_id uuid, user_id uuid)
        language sql stable security definer set search_path = public, pg_catalog as $$
          select l.municipality_id, l.person_id, l.user_id
          from calendar_link l join app_user u on u.id = l.user_id
          where l.token_hash = p_token_hash and u.active and u.person_id = l.person_id
        $$`,
      `revoke all on function calendar_link_owner(text) from public`,
      `grant execute on function calendar_link_owner(text) to ${APP_ROLE}`,
    ]) {
      this.addSql(sql);
    }
  }
}
