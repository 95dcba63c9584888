import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../core/tenant.js';

const TENANT_TABLES = ['app_user', 'app_session', 'audit_log', 'party', 'person', 'body', 'membership'];
const TENANT_PREDICATE = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;

/**
 * Separation of municipalities beneath the application code, and the append-only audit log.
 *
 * Requests run as the role `sekretariat_app` (SET LOCAL ROLE in each transaction). That role
 * is neither owner nor superuser, so the row-level security policies below apply to it: it sees
 * and writes only rows whose municipality_id equals the transaction's `app.municipality_id`.
 */
export class Migration20261125000100Security extends Migration {
  override up(): void {
    this.addSql(`do $$ begin
      if not exists (select from pg_roles where rolname = '${APP_ROLE}') then create role ${APP_ROLE} nologin; end if;
    -- Roles belong to the whole server: two databases migrating at once (test workers, two
    -- deployments on one server) may both find it missing; the second one's create then fails.
    exception when duplicate_object or unique_violation then null;
    end $$`);
    // The connecting role must be allowed to switch to the application role.
    this.addSql(`do $$ begin execute format('grant ${APP_ROLE} to %I', current_user); exception when others then null; end $$`);
    this.addSql(`grant usage on schema public to ${APP_ROLE}`);
    this.addSql(`grant select on municipality to ${APP_ROLE}`);

    for (const table of TENANT_TABLES) {
      this.addSql(`alter table "${table}" enable row level security`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (${TENANT_PREDICATE}) with check (${TENANT_PREDICATE})`,
      );
      this.addSql(`create index "${table}_municipality_id_index" on "${table}" ("municipality_id")`);
    }
    for (const table of TENANT_TABLES.filter((t) => t !== 'audit_log')) {
      this.addSql(`grant select, insert, update, delete on "${table}" to ${APP_ROLE}`);
    }

    // Audit log: insert and read only, and a trigger refuses changes for everyone, owner included.
    this.addSql(`grant select, insert on audit_log to ${APP_ROLE}`);
    this.addSql(`grant usage on sequence audit_log_id_seq to ${APP_ROLE}`);
    this.addSql(`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege'; end $$`);
    this.addSql(`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`);

    // Sign-in happens before the municipality is known: these two functions are the only way
    // the application role can look across municipalities, and they return only what sign-in needs.
    this.addSql(`create function auth_find_user(p_username text)
      returns table (id uuid, municipality_id uuid, password_hash text, active boolean)
      language sql stable security definer set search_path = public, pg_catalog as $$
        select id, municipality_id, password_hash, active from app_user where username = lower(p_username)
      $$`);
    this.addSql(`create function auth_session_user(p_token_hash text)
      returns table (session_id uuid, user_id uuid, municipality_id uuid, username text, display_name text, roles text[])
      language sql stable security definer set search_path = public, pg_catalog as $$
        select s.id, u.id, u.municipality_id, u.username, u.display_name, u.roles
        from app_session s join app_user u on u.id = s.user_id
        where s.token_hash = p_token_hash and s.expires_at > now() and u.active
      $$`);
    for (const fn of ['auth_find_user(text)', 'auth_session_user(text)']) {
      this.addSql(`revoke all on function ${fn} from public`);
      this.addSql(`grant execute on function ${fn} to ${APP_ROLE}`);
    }
  }
}
