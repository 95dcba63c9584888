import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'pg-boss';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AuditService } from '../audit/audit.service.js';
import { DocumentStore, sha256Hex } from '../documents/document-store.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MeetingNoticeService } from '../meetings/meeting-notice.service.js';
import { MeetingPapersService } from '../meetings/meeting-papers.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { NO_EXEMPT_ACCESS } from '../cases/paper-access.js';
import { currentScope, runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { meetingDocumentKeys, type DocumentKeys } from './meeting-document-keys.js';
import { PublishedDocument, PublishedRefresh, type PublishedKind } from './published-document.entity.js';

/** Re-renders one published document when what it is made of has changed. */
export const RENDER_PUBLISHED_JOB = 'published.render';

const RETRY_LIMIT = 3;

interface RenderJob {
  municipalityId: string;
  kind: PublishedKind;
  subjectId: string;
  /** Render even if the content key is unchanged (a template change); counts into the refresh. */
  force?: boolean;
  refreshId?: string;
}

/** A stored version as served: bytes checked against their checksum. */
export interface ServedDocument {
  pdf: Buffer;
  sha256: string;
  filename: string;
  version: number;
}

/** The meeting kinds, keyed alike (both are made from the meeting's rows). */
export const MEETING_KINDS: readonly PublishedKind[] = ['meeting-notice', 'meeting-papers'];

/**
 * Published documents rendered once per version (docs/published-documents.md). A request reads the
 * current keys in one statement and serves the stored version made from them. When the content has
 * changed but not what the public may see, it serves the previous version and queues a re-render
 * (once per change); when there is no version yet, or the public may now see less (or more), it
 * renders at once, one request per document at a time (an advisory lock) while the others wait
 * for that version: Chromium works once per version, however many ask.
 */
@Injectable()
export class PublishedDocumentsService implements OnModuleInit {
  private readonly logger = new Logger(PublishedDocumentsService.name);

  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly orm: MikroORM,
    private readonly jobs: JobsService,
    private readonly store: DocumentStore,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
    private readonly notices: MeetingNoticeService,
    private readonly papers: MeetingPapersService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<RenderJob>(RENDER_PUBLISHED_JOB, (data, job) => this.runJob(data, job), { retryLimit: RETRY_LIMIT, retryDelay: 5, retryBackoff: true });
  }

  /** The public edition of a meeting's notice or papers (the caller has checked the meeting is public). */
  async meetingDocument(kind: PublishedKind, meetingId: string): Promise<ServedDocument> {
    const keys = await meetingDocumentKeys(this.em, meetingId);
    if (!keys) throw new Error(`meeting ${meetingId} not found`);
    const latest = await this.latest(kind, meetingId);
    if (latest && latest.accessKey === keys.accessKey) {
      if (latest.contentKey !== keys.contentKey) await this.queueOnce(latest, keys);
      return this.read(latest);
    }
    return this.read(await this.renderLocked(kind, meetingId, keys, false));
  }

  /**
   * Queues a re-render of every published document of the municipality (after a template change),
   * and returns the refresh whose progress `refresh()` reports.
   */
  async refreshAll(): Promise<PublishedRefresh> {
    const scope = currentScope();
    const subjects = await this.em.execute<{ kind: PublishedKind; subject_id: string }[]>('select distinct kind, subject_id from published_document order by kind, subject_id');
    const refresh = this.em.create(PublishedRefresh, { municipality: scope.municipalityId, total: subjects.length, requestedBy: scope.actor.name });
    this.em.persist(refresh);
    await this.em.flush();
    for (const s of subjects) await this.jobs.send<RenderJob>(RENDER_PUBLISHED_JOB, { municipalityId: scope.municipalityId, kind: s.kind, subjectId: s.subject_id, force: true, refreshId: refresh.id });
    this.audit.record({ action: 'published.refresh', entityType: 'published_refresh', entityId: refresh.id, after: { total: subjects.length } });
    return refresh;
  }

  /** The latest refresh of the municipality, or null. */
  async latestRefresh(): Promise<PublishedRefresh | null> {
    return (await this.em.find(PublishedRefresh, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 1 }))[0] ?? null;
  }

  private latest(kind: PublishedKind, subjectId: string): Promise<PublishedDocument | null> {
    return this.em.findOne(PublishedDocument, { kind, subjectId }, { orderBy: { version: 'desc' } });
  }

  /** Marks the version as queued for these keys and queues the job, unless another request did already. */
  private async queueOnce(latest: PublishedDocument, keys: DocumentKeys): Promise<void> {
    const claimed = await this.em.execute<{ id: string }[]>(
      'update published_document set queued_key = ? where id = ? and queued_key is distinct from ? returning id',
      [keys.contentKey, latest.id, keys.contentKey],
    );
    if (claimed.length === 0) return;
    await this.jobs.send<RenderJob>(RENDER_PUBLISHED_JOB, { municipalityId: currentScope().municipalityId, kind: latest.kind, subjectId: latest.subjectId });
  }

  /**
   * Renders and stores a new version unless one with these keys exists (or came to exist while
   * waiting for the lock). The lock is the transaction's: held until the new row is committed.
   */
  private async renderLocked(kind: PublishedKind, subjectId: string, keys: DocumentKeys, force: boolean): Promise<PublishedDocument> {
    await this.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`published:${kind}:${subjectId}`]);
    const latest = await this.em.findOne(PublishedDocument, { kind, subjectId }, { orderBy: { version: 'desc' }, refresh: true });
    if (latest && latest.accessKey === keys.accessKey && latest.contentKey === keys.contentKey && !force) return latest;
    const { pdf, filename } = await this.render(kind, subjectId);
    const sha256 = sha256Hex(pdf);
    const storageKey = await this.store.put(pdf, sha256);
    // A forced render of unchanged content replaces the version of that content (the unique key).
    const same = latest && latest.contentKey === keys.contentKey ? latest : null;
    const row = this.em.create(PublishedDocument, {
      municipality: currentScope().municipalityId,
      kind,
      subjectId,
      version: (latest?.version ?? 0) + 1,
      contentKey: keys.contentKey,
      accessKey: keys.accessKey,
      sha256,
      size: pdf.length,
      storageKey,
      filename,
    });
    if (same) {
      await this.em.nativeUpdate(PublishedDocument, { id: same.id }, { contentKey: `replaced:${same.id}`.slice(0, 64) });
    }
    this.em.persist(row);
    await this.em.flush();
    await this.prune(kind, subjectId, row.version);
    this.audit.record({ action: 'published.render', entityType: 'published_document', entityId: row.id, after: { kind, subjectId, version: row.version, sha256 } });
    this.logger.log(`Rendered ${kind} ${subjectId} version ${row.version}`);
    return row;
  }

  /** Keeps the new version and the one before it (served to those still reading it); older ones go. */
  private async prune(kind: PublishedKind, subjectId: string, version: number): Promise<void> {
    const old = await this.em.find(PublishedDocument, { kind, subjectId, version: { $lt: version - 1 } });
    for (const o of old) {
      await this.store.delete(o.storageKey).catch((error: Error) => this.logger.warn(`Published document ${o.id}: ${error.message}`));
      this.em.remove(o);
    }
    await this.em.flush();
  }

  private async render(kind: PublishedKind, subjectId: string): Promise<{ pdf: Buffer; filename: string }> {
    if (kind === 'meeting-papers') return this.papers.render(subjectId, { publicOnly: true, scope: NO_EXEMPT_ACCESS });
    if (kind === 'meeting-notice') return this.notices.render(subjectId);
    throw new Error(`no renderer for ${kind}`);
  }

  private async read(row: PublishedDocument): Promise<ServedDocument> {
    const pdf = await this.store.readVerified(row.storageKey, row);
    return { pdf, sha256: row.sha256, filename: row.filename, version: row.version };
  }

  private async runJob(data: RenderJob, job: Job<RenderJob>): Promise<unknown> {
    try {
      const out = await runInTenant(this.orm, { municipalityId: data.municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
        // Only what is still public: a meeting withdrawn or a body closed meanwhile is not rendered.
        const stillPublic = await this.meetings.get(data.subjectId, { publicOnly: true }).then(
          () => true,
          () => false,
        );
        const keys = stillPublic ? await meetingDocumentKeys(em, data.subjectId) : null;
        if (!keys) return { skipped: true };
        const row = await this.renderLocked(data.kind, data.subjectId, keys, data.force ?? false);
        if (data.refreshId) await em.execute('update published_refresh set done = done + 1 where id = ?', [data.refreshId]);
        return { version: row.version };
      });
      if ('skipped' in out && data.refreshId) await this.countRefresh(data, 'done');
      return out;
    } catch (error) {
      // Counted once, when pg-boss gives up on it.
      if (data.refreshId && job.retryCount >= RETRY_LIMIT) await this.countRefresh(data, 'failed');
      throw error;
    }
  }

  private async countRefresh(data: RenderJob, column: 'done' | 'failed'): Promise<void> {
    await runInTenant(this.orm, { municipalityId: data.municipalityId, actor: SYSTEM_ACTOR }, (em) =>
      em.execute(`update published_refresh set ${column} = ${column} + 1 where id = ? and done + failed < total`, [data.refreshId]),
    );
  }
}
