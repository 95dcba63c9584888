import { Body as RequestBody, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  Annotation,
  AnnotationConflictResponse,
  AnnotationDeleteQuery,
  AnnotationListResponse,
  AnnotationUpsertInput,
  IdParams,
  ReadMarkInput,
  ReadMarkResponse,
  ReaderItemDetail,
  ReaderMeetingDetail,
  ReaderMeetingListResponse,
  SyncInput,
  SyncResponse,
} from '@sekretariat/contracts';
import { Allow, STAFF } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { AnnotationsService, type ChangeOutcome } from './annotations.service.js';
import { ReadMarksService } from './read-marks.service.js';
import { ReaderAccessService } from './reader-access.service.js';
import { ANNOTATION_CONFLICT_MESSAGE } from './reader.errors.js';
import { ReaderService } from './reader.service.js';

/** The elected officials' reader: their meetings, the papers, read marks and personal notes. */
@Controller('reader')
export class ReaderController {
  constructor(
    private readonly access: ReaderAccessService,
    private readonly reader: ReaderService,
    private readonly readMarks: ReadMarksService,
    private readonly annotations: AnnotationsService,
  ) {}

  @Get('meetings')
  @Allow(...STAFF)
  @ApiRoute({ summary: "The caller's meetings (a seat in the body or called in; staff: all), upcoming first, with unread counts", response: ReaderMeetingListResponse })
  async meetings(@CurrentCaller() caller: RequestCaller): Promise<ReaderMeetingListResponse> {
    return this.reader.meetings(await this.access.viewer(caller), new Date());
  }

  @Get('meetings/:id')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'A meeting for reading: items in order (number, title, read mark, note and document counts; the rest per item); exempt papers as placeholders without access', params: IdParams, response: ReaderMeetingDetail })
  async meeting(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<ReaderMeetingDetail> {
    return this.reader.meeting(await this.access.viewer(caller), p.id);
  }

  @Get('meetings/:id/annotations')
  @Allow(...STAFF)
  @ApiRoute({ summary: "Every note the caller may see on the meeting's papers (own, with tombstones, and the group's), for offline reading", params: IdParams, response: AnnotationListResponse })
  async meetingAnnotations(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<AnnotationListResponse> {
    return { items: await this.annotations.listForMeeting(await this.access.viewer(caller), p.id) };
  }

  @Get('items/:id')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'One agenda item for reading: its case presentation and documents, read mark and note counts; a placeholder without access to exempt papers', params: IdParams, response: ReaderItemDetail })
  async item(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<ReaderItemDetail> {
    return this.reader.item(await this.access.viewer(caller), p.id);
  }

  @Put('items/:id/read')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Mark an agenda item as read or unread (idempotent)', params: IdParams, body: ReadMarkInput, response: ReadMarkResponse })
  async readItem(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(ReadMarkInput)) input: ReadMarkInput, @CurrentCaller() caller: RequestCaller): Promise<ReadMarkResponse> {
    return this.readMarks.mark(await this.access.viewer(caller), p.id, input.read);
  }

  @Get('documents/:id/annotations')
  @Allow(...STAFF)
  @ApiRoute({ summary: "The caller's notes on a document and those shared with their party group", params: IdParams, response: AnnotationListResponse })
  async documentAnnotations(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<AnnotationListResponse> {
    return { items: await this.annotations.list(await this.access.viewer(caller), { documentId: p.id }) };
  }

  @Get('items/:id/annotations')
  @Allow(...STAFF)
  @ApiRoute({ summary: "The caller's notes on an agenda item and those shared with their party group", params: IdParams, response: AnnotationListResponse })
  async itemAnnotations(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<AnnotationListResponse> {
    return { items: await this.annotations.list(await this.access.viewer(caller), { agendaItemId: p.id }) };
  }

  @Put('annotations/:id')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Create or change a note (client-made id, baseVersion); a replay changes nothing; 409 ANNOTATION_CONFLICT with the server copy when stale', params: IdParams, body: AnnotationUpsertInput, response: Annotation })
  async upsert(
    @Param(zod(IdParams)) p: IdParams,
    @RequestBody(zod(AnnotationUpsertInput)) input: AnnotationUpsertInput,
    @CurrentCaller() caller: RequestCaller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Annotation | AnnotationConflictResponse> {
    return this.answer(await this.annotations.upsert(await this.access.viewer(caller), p.id, input), reply);
  }

  @Delete('annotations/:id')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Delete a note (kept as a tombstone); 409 ANNOTATION_CONFLICT when changed since baseVersion', params: IdParams, query: AnnotationDeleteQuery, response: Annotation })
  async remove(
    @Param(zod(IdParams)) p: IdParams,
    @Query(zod(AnnotationDeleteQuery)) q: AnnotationDeleteQuery,
    @CurrentCaller() caller: RequestCaller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Annotation | AnnotationConflictResponse | null> {
    const outcome = await this.annotations.remove(await this.access.viewer(caller), p.id, q.baseVersion);
    if (!outcome.annotation) {
      void reply.status(204);
      return null;
    }
    return this.answer(outcome, reply);
  }

  @Post('sync')
  @HttpCode(200)
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Changes to notes made offline, in order; a result per change (applied, unchanged, conflict, rejected)', body: SyncInput, response: SyncResponse, status: 200 })
  async sync(@RequestBody(zod(SyncInput)) input: SyncInput, @CurrentCaller() caller: RequestCaller): Promise<SyncResponse> {
    return { results: await this.annotations.sync(await this.access.viewer(caller), input.changes) };
  }

  /** 200 with the note, or 409 with the server's copy: the client keeps both. */
  private answer(outcome: ChangeOutcome, reply: FastifyReply): Annotation | AnnotationConflictResponse {
    const annotation = outcome.annotation!;
    if (outcome.status !== 'conflict') return annotation;
    void reply.status(409);
    return { code: 'ANNOTATION_CONFLICT', message: ANNOTATION_CONFLICT_MESSAGE, requestId: String(reply.request.id), annotation };
  }
}
