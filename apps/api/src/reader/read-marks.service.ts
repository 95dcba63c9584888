import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { ReadMarkResponse } from '@sekretariat/contracts';
import { currentScope } from '../core/tenant.js';
import { ReaderAccessService, type Viewer } from './reader-access.service.js';

/** "Read" marks: one per agenda item (its case and documents together); personal, idempotent, not audited. */
@Injectable()
export class ReadMarksService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly access: ReaderAccessService,
  ) {}

  async mark(viewer: Viewer, agendaItemId: string, read: boolean): Promise<ReadMarkResponse> {
    await this.access.paper(viewer, { agendaItemId });
    if (!read) {
      await this.em.execute(`delete from reader_read_mark where user_id = ? and agenda_item_id = ?`, [viewer.userId, agendaItemId]);
      return { targetId: agendaItemId, read: false, readAt: null };
    }
    // A second mark is a no-op: the first time read is kept.
    await this.em.execute(
      `insert into reader_read_mark (id, municipality_id, user_id, agenda_item_id) values (?, ?, ?, ?) on conflict (user_id, agenda_item_id) do nothing`,
      [randomUUID(), currentScope().municipalityId, viewer.userId, agendaItemId],
    );
    const [row] = await this.em.execute<{ read_at: Date }[]>(`select read_at from reader_read_mark where user_id = ? and agenda_item_id = ?`, [viewer.userId, agendaItemId]);
    return { targetId: agendaItemId, read: true, readAt: row ? new Date(row.read_at).toISOString() : null };
  }
}
