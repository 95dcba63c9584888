import type {} from '@fastify/multipart';
import { Body as RequestBody, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CaseDocument, DocumentListResponse, DocumentUpdate, DocumentUploadFields, IdParams } from '@sekretariat/contracts';
import { Allow, EDITORS, STAFF } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { Accepts } from '../common/http/state-changes.js';
import { invalidText } from '../common/http/text-input.js';
import { zod } from '../common/http/zod.js';
import { hasBadText } from '../common/text.js';
import { CONFIG, type Config } from '../config/config.js';
import { tooLarge } from './document-types.js';
import { DocumentsService, type DocumentContent, type UploadedFile } from './documents.service.js';

/** Case documents for signed-in staff; the secretariat uploads, changes and deletes. */
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get('cases/:id/documents')
  @Allow(...STAFF)
  @ApiRoute({ summary: "A case's documents in order (exempt ones only with access), and the upload limits", params: IdParams, response: DocumentListResponse })
  list(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<DocumentListResponse> {
    return this.documents.list(p.id, caller);
  }

  @Post('cases/:id/documents')
  @Accepts('multipart')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Upload a document (multipart/form-data: title, public, legalGround and one file); PDF, DOCX, ODT, PNG or JPEG by content', params: IdParams, response: CaseDocument })
  async upload(@Param(zod(IdParams)) p: IdParams, @Req() request: FastifyRequest): Promise<CaseDocument> {
    const { fields, file } = await readUpload(request, this.config.DOCUMENT_MAX_BYTES);
    return this.documents.upload(p.id, fields, file);
  }

  @Get('documents/:id/content')
  @Allow(...STAFF)
  @ApiRoute({ summary: "A document's content, verified against its checksum; exempt ones only with access", params: IdParams, response: 'application/octet-stream' })
  async content(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return sendDocument(reply, await this.documents.content(p.id, caller));
  }

  @Put('documents/:id')
  @Allow(...EDITORS)
  @ApiRoute({ summary: "Change a document's title, exemption or position", params: IdParams, body: DocumentUpdate, response: CaseDocument })
  update(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(DocumentUpdate)) input: DocumentUpdate): Promise<CaseDocument> {
    return this.documents.update(p.id, input);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Delete a document while its case is on no published meeting', params: IdParams, status: 204 })
  async remove(@Param(zod(IdParams)) p: IdParams): Promise<void> {
    await this.documents.delete(p.id);
  }
}

/** Types a browser shows itself (its PDF viewer, images); anything else (DOCX, ODT) is downloaded. */
const SHOWN_INLINE: ReadonlySet<string> = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/**
 * With its own type and original name; the browser must not guess another type. PDFs and images
 * open in the browser, other types download. Like every answer under /api the content runs under
 * a sandboxing CSP (common/http/security-headers.ts): a PDF's embedded JavaScript cannot act in
 * the site's origin, and Chrome's viewer still shows it.
 */
export function sendDocument(reply: FastifyReply, content: DocumentContent): Buffer {
  const ascii = content.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const disposition = SHOWN_INLINE.has(content.contentType) ? 'inline' : 'attachment';
  void reply
    .type(content.contentType)
    .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(content.filename)}`)
    .header('x-content-type-options', 'nosniff');
  return content.data;
}

/** The text fields and the one file of a multipart upload; the file is cut off at the size limit. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ fields: DocumentUploadFields; file: UploadedFile }> {
  if (!request.isMultipart()) throw new DomainError('DOCUMENT_UPLOAD_NOT_MULTIPART', 'Send dokumentet som multipart/form-data.', 415);
  const values: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000 } })) {
      if (part.type === 'file') {
        if (file) throw new DomainError('DOCUMENT_ONE_FILE', 'Last opp én fil om gangen.', 400);
        if (hasBadText(part.filename)) throw invalidText('file');
        file = { filename: part.filename, data: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        values[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT') throw new DomainError('DOCUMENT_ONE_FILE', 'Last opp én fil om gangen.', 400);
    throw new DomainError('DOCUMENT_UPLOAD_BROKEN', 'Opplastingen kunne ikke leses. Prøv igjen.', 400);
  }
  if (!file) throw new DomainError('DOCUMENT_FILE_MISSING', 'Velg en fil å laste opp.', 400, [{ path: 'file', message: 'Velg en fil.' }]);
  const fields = zod(DocumentUploadFields).transform(values);
  return { fields, file };
}
