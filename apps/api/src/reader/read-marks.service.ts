import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { ReadMarkResponse } from '@sekretariat/contracts';
import { currentScope } from '../core/tenant.js';
import { ReaderAccessService, type PaperTarget, type Viewer } from './reader-access.service.js';

/** "Read" marks on agenda items and documents: personal, idempotent, not audited. */
@Injectable()
export class ReadMarksService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly access: ReaderAccessService,
  ) {}

  async mark(viewer: Viewer, target: PaperTarget, read: boolean): Promise<ReadMarkResponse> {
    await this.access.paper(viewer, target);
    const [column, targetId] = 'documentId' in target ? ['document_id', target.documentId] : ['agenda_item_id', target.agendaItemId];
    if (!read) {
      await this.em.execute(`delete from reader_read_mark where user_id = ? and ${column} = ?`, [viewer.userId, targetId]);
      return { targetId, read: false, readAt: null };
    }
    // A second mark is a no-op: the first time read is kept.
    await this.em.execute(
      `insert into reader_read_mark (id, municipality_id, user_id, ${column}) values (?, ?, ?, ?) on conflict (user_id, ${column}) do nothing`,
      [randomUUID(), currentScope().municipalityId, viewer.userId, targetId],
    );
    const [row] = await this.em.execute<{ read_at: Date }[]>(`select read_at from reader_read_mark where user_id = ? and ${column} = ?`, [viewer.userId, targetId]);
    return { targetId, read: true, readAt: row ? new Date(row.read_at).toISOString() : null };
  }
}
