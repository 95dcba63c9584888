import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { MunicipalitySlugParams, PublicCaseDetail, SearchQuery, SearchResponse } from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod, ZodPipe } from '../common/http/zod.js';
import { sendDocument } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { PublicCaseService } from './public-case.service.js';
import { SearchService } from './search.service.js';

const PublicIdParams = MunicipalitySlugParams.extend({ id: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }) });
type PublicIdParams = z.infer<typeof PublicIdParams>;

/** For citizens: public documents of cases on published meetings of open bodies, and search over them. */
@Controller('public/:municipality')
@Allow('public')
export class PublicDocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly searchService: SearchService,
    private readonly publicCases: PublicCaseService,
  ) {}

  @Get('documents/:id/content')
  @ApiRoute({ summary: 'A public document of a published case', params: PublicIdParams, response: 'application/octet-stream' })
  async content(@Param(zod(PublicIdParams)) p: PublicIdParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return sendDocument(reply, await this.documents.publicContent(p.id));
  }

  @Get('cases/:id')
  @ApiRoute({ summary: 'An open case on a published agenda: title, archive reference, summary, public documents and its path through bodies (saksgang)', params: PublicIdParams, response: PublicCaseDetail })
  caseDetail(@Param(zod(PublicIdParams)) p: PublicIdParams): Promise<PublicCaseDetail> {
    return this.publicCases.detail(p.id);
  }

  @Get('search')
  @ApiRoute({ summary: 'Search public cases and documents of published meetings of open bodies (filters: body, dates, type)', params: MunicipalitySlugParams, query: SearchQuery, response: SearchResponse })
  search(@Query(new ZodPipe(SearchQuery, 'SEARCH_INVALID')) query: SearchQuery): Promise<SearchResponse> {
    return this.searchService.search(query, { kind: 'public' });
  }
}
