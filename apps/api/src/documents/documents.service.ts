import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CaseDocument, DocumentListResponse, DocumentUpdate, DocumentUploadFields } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { RequestCaller } from '../common/access/caller.js';
import { DomainError } from '../common/errors/domain-error.js';
import { CONFIG, type Config } from '../config/config.js';
import { Case } from '../cases/case.entity.js';
import { CaseNotFoundError } from '../cases/cases.errors.js';
import { PaperAccess, type ExemptScope } from '../cases/paper-access.js';
import { LEGAL_GROUNDS, legalGround } from '../cases/legal-grounds.js';
import { Document } from './document.entity.js';
import { DocumentChecksumError, DocumentStore, sha256Hex } from './document-store.js';
import { ACCEPTED_TYPES, sniffDocumentType, tooLarge } from './document-types.js';
import { toCaseDocument } from './documents.mapper.js';
import { ExtractTextJob } from './extract-text.job.js';
import { exemptAccessSql, publishedCaseSql } from '../cases/paper-visibility.js';
import { hasText } from './text-extraction.js';

export class DocumentNotFoundError extends DomainError {
  constructor() {
    super('DOCUMENT_NOT_FOUND', 'Fant ikke dokumentet.', 404);
  }
}

/** An uploaded file as the controller read it from the multipart body. */
export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/** The bytes of a document with what a download needs. */
export interface DocumentContent {
  data: Buffer;
  filename: string;
  contentType: string;
}

/** Upload (checked and checksummed), list, read back (verified), change and delete case documents. */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(CONFIG) private readonly config: Config,
    private readonly store: DocumentStore,
    private readonly access: PaperAccess,
    private readonly audit: AuditService,
    private readonly extraction: ExtractTextJob,
  ) {}

  async list(caseId: string, caller: RequestCaller): Promise<DocumentListResponse> {
    const kase = await this.case(caseId);
    const open = await this.exemptOpen(kase, await this.access.exemptScope(caller));
    if (!kase.public && !open) throw new DomainError('DOCUMENT_EXEMPT', 'Saken er unntatt offentlighet.', 403);
    const documents = await this.em.find(Document, { case: kase, ...(open ? {} : { public: true }) }, { orderBy: { position: 'asc', createdAt: 'asc' } });
    return {
      items: documents.map(toCaseDocument),
      maxBytes: this.config.DOCUMENT_MAX_BYTES,
      acceptedTypes: [...ACCEPTED_TYPES],
      legalGrounds: LEGAL_GROUNDS.map((g) => ({ code: g.code, citation: g.citation })),
    };
  }

  /**
   * Checks, stores and records one file. The bytes are written first and removed again when the
   * row cannot be written, so a refusal or a failure leaves neither a row nor a file.
   */
  async upload(caseId: string, fields: DocumentUploadFields, file: UploadedFile): Promise<CaseDocument> {
    const kase = await this.case(caseId);
    const exemption = checkExemption(fields.public, fields.legalGround);
    if (file.data.length > this.config.DOCUMENT_MAX_BYTES) throw tooLarge(this.config.DOCUMENT_MAX_BYTES);
    const type = await sniffDocumentType(file.data);
    const sha256 = sha256Hex(file.data);
    const [last] = await this.em.find(Document, { case: kase }, { orderBy: { position: 'desc' }, limit: 1, fields: ['position'] });
    const key = await this.store.put(file.data, sha256);
    let document: Document;
    try {
      document = this.em.create(Document, {
        municipality: kase.municipality,
        case: kase,
        title: fields.title,
        filename: safeFilename(file.filename, type.ext),
        contentType: type.mime,
        size: file.data.length,
        sha256,
        ...exemption,
        position: (last?.position ?? 0) + 1,
        storageKey: key,
        textStatus: hasText(type.mime) ? 'pending' : 'none',
      });
      this.audit.record({
        action: 'document.upload',
        entityType: 'case_document',
        entityId: document.id,
        after: { caseId, title: document.title, filename: document.filename, contentType: document.contentType, size: document.size, sha256, public: document.public, legalGround: document.legalGround },
      });
      await this.em.flush();
    } catch (error) {
      await this.store.delete(key).catch((cleanup: unknown) => this.logger.error(cleanup, `Could not remove stored bytes ${key} after a failed upload`));
      throw error;
    }
    if (document.textStatus === 'pending') {
      // The document is stored either way: a queue that cannot be reached leaves it unsearchable
      // by its text (status pending, logged), not the upload failed with its bytes orphaned.
      await this.extraction
        .queue({ documentId: document.id, municipalityId: kase.municipality.id })
        .catch((error: unknown) => this.logger.error(error, `Could not queue text extraction for document ${document.id}`));
    }
    return toCaseDocument(document);
  }

  /** The bytes of a document, verified against the checksum taken on upload. */
  async content(id: string, caller: RequestCaller): Promise<DocumentContent> {
    const document = await this.document(id);
    if (!(document.public && document.case.getEntity().public) && !(await this.exemptOpen(document.case.getEntity(), await this.access.exemptScope(caller)))) {
      throw new DomainError('DOCUMENT_EXEMPT', 'Dokumentet er unntatt offentlighet.', 403);
    }
    return this.read(document);
  }

  /** A public document of a published case, for anyone. Anything else is not found. */
  async publicContent(id: string): Promise<DocumentContent> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select d."id" from "case_document" d join "political_case" c on c."id" = d."case_id"
       where d."id" = ? and d."public" and c."public" and ${publishedCaseSql('c."id"')}`,
      [id],
    );
    if (!rows.length) throw new DocumentNotFoundError();
    return this.read(await this.document(id));
  }

  async update(id: string, input: DocumentUpdate): Promise<CaseDocument> {
    const document = await this.document(id);
    const before = { title: document.title, public: document.public, legalGround: document.legalGround, position: document.position };
    if (input.title !== undefined) document.title = input.title;
    if (input.public !== undefined || input.legalGround !== undefined) {
      const isPublic = input.public ?? document.public;
      Object.assign(document, checkExemption(isPublic, input.legalGround !== undefined ? input.legalGround : isPublic ? null : document.legalGround));
    }
    if (input.position !== undefined) document.position = input.position;
    this.audit.record({
      action: 'document.update',
      entityType: 'case_document',
      entityId: document.id,
      before,
      after: { title: document.title, public: document.public, legalGround: document.legalGround, position: document.position },
    });
    await this.em.flush();
    return toCaseDocument(document);
  }

  /**
   * Removes a document while its case is on no published meeting: once the notice has gone out
   * with it, members and the public may have relied on it, and it stays (change it with a new
   * version instead).
   */
  async delete(id: string): Promise<void> {
    const document = await this.document(id);
    const published = await this.em.execute<{ n: number }[]>(
      `select 1 as n from "agenda_item" ai join "meeting" m on m."id" = ai."meeting_id" where ai."case_id" = ? and m."status" <> 'planned' limit 1`,
      [document.case.id],
    );
    if (published.length) throw new DomainError('DOCUMENT_PUBLISHED', 'Dokumentet er sendt ut med en møteinnkalling og kan ikke slettes.', 409);
    this.audit.record({
      action: 'document.delete',
      entityType: 'case_document',
      entityId: document.id,
      before: { caseId: document.case.id, title: document.title, filename: document.filename, sha256: document.sha256 },
    });
    const key = document.storageKey;
    this.em.remove(document);
    await this.em.flush();
    // After the row is gone: a failure here leaves an orphan file, never a row without bytes.
    await this.store.delete(key).catch((error: unknown) => this.logger.error(error, `Could not remove stored bytes ${key} of deleted document ${id}`));
  }

  private async read(document: Document): Promise<DocumentContent> {
    try {
      const data = await this.store.readVerified(document.storageKey, document);
      return { data, filename: document.filename, contentType: document.contentType };
    } catch (error) {
      if (!(error instanceof DocumentChecksumError)) throw error;
      this.logger.error(`Document ${document.id} does not match its checksum: ${error.message}`);
      throw new DomainError('DOCUMENT_CORRUPT', 'Dokumentet er skadet og kan ikke vises. Sekretariatet er varslet.', 500);
    }
  }

  private async case(id: string): Promise<Case> {
    const kase = await this.em.findOne(Case, id);
    if (!kase) throw new CaseNotFoundError();
    return kase;
  }

  private async document(id: string): Promise<Document> {
    const document = await this.em.findOne(Document, id, { populate: ['case'] });
    if (!document) throw new DocumentNotFoundError();
    return document;
  }

  private async exemptOpen(kase: Case, scope: ExemptScope): Promise<boolean> {
    if (scope.all) return true;
    const condition = exemptAccessSql(scope, 'k."id"');
    const rows = await this.em.execute<{ open: boolean }[]>(`select ${condition.sql} as "open" from (select ?::uuid as "id") k`, [...condition.params, kase.id]);
    return rows[0]?.open === true;
  }
}

function checkExemption(isPublic: boolean, ground: string | null): { public: boolean; legalGround: string | null } {
  if (isPublic) return { public: true, legalGround: null };
  if (!ground) throw new DomainError('DOCUMENT_EXEMPT_NEEDS_GROUND', 'Et dokument unntatt offentlighet må ha hjemmel.', 400, [{ path: 'legalGround', message: 'Velg hjemmel.' }]);
  if (!legalGround(ground)) throw new DomainError('UNKNOWN_LEGAL_GROUND', `Ukjent hjemmel «${ground}».`, 400, [{ path: 'legalGround', message: 'Velg en hjemmel fra listen.' }]);
  return { public: false, legalGround: ground };
}

/** The uploaded name without folders or control characters, with the sniffed type's extension if it had none. */
export function safeFilename(name: string, ext: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const base = [...last].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"').join('').trim().slice(-200);
  if (!base) return `dokument.${ext}`;
  return /\.[a-z0-9]{2,5}$/i.test(base) ? base : `${base}.${ext}`;
}
