import { Migration } from '@mikro-orm/migrations';

/** A user may be an elected official (a person in the register): the reader shows their bodies' papers. */
export class Migration20261126000000OfficialUsers extends Migration {
  override up(): void {
    this.addSql(`alter table "app_user" add column "person_id" uuid null`);
    this.addSql(`alter table "app_user" add constraint "app_user_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null`);
    // The session lookup now also names the person; the return type changes, so drop and create.
    this.addSql(`drop function auth_session_user(text)`);
    this.addSql(`create function auth_session_user(p_token_hash text)
      returns table (session_id uuid, user_id uuid, municipality_id uuid, username text, display_name text, roles text[], person_id uuid)
      language sql stable security definer set search_path = public, pg_catalog as $$
        select s.id, u.id, u.municipality_id, u.username, u.display_name, u.roles, u.person_id
        from app_session s join app_user u on u.id = s.user_id
        where s.token_hash = p_token_hash and s.expires_at > now() and u.active
      $$`);
    this.addSql(`revoke all on function auth_session_user(text) from public`);
    this.addSql(`grant execute on function auth_session_user(text) to sekretariat_app`);
  }
}
