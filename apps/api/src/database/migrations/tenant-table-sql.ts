import { APP_ROLE } from '../../core/tenant.js';

const TENANT_PREDICATE = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;

/** Row-level security and grants for a table that carries municipality_id. */
export function tenantTableSql(table: string, grants = 'select, insert, update, delete'): string[] {
  return [
    `alter table "${table}" enable row level security`,
    `create policy tenant_isolation on "${table}" using (${TENANT_PREDICATE}) with check (${TENANT_PREDICATE})`,
    `grant ${grants} on "${table}" to ${APP_ROLE}`,
  ];
}
