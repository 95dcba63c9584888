import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { currentScope } from '../core/tenant.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the audit log in the same transaction as the change it records: if the change is
 * rolled back, so is its entry. Feature services call `record` right where they change data.
 */
@Injectable()
export class AuditService {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

  record(change: AuditChange): void {
    const scope = currentScope();
    const entry = this.em.create(AuditEntry, {
      municipality: scope.municipalityId,
      actorId: scope.actor.userId,
      actorName: scope.actor.name,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: change.before ?? null,
      after: change.after ?? null,
      requestId: scope.requestId ?? null,
      clientAddress: scope.client?.address ?? null,
      userAgent: scope.client?.userAgent ?? null,
    });
    this.em.persist(entry);
  }
}
