import { Controller, Get, Query } from '@nestjs/common';
import { SearchQuery, SearchResponse } from '@sekretariat/contracts';
import { Allow, STAFF } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { ZodPipe } from '../common/http/zod.js';
import { PaperAccess } from '../cases/paper-access.js';
import { SearchService } from './search.service.js';

/** Full-text search over cases and documents for staff; exempt papers per the caller's access. */
@Controller()
export class SearchController {
  constructor(
    private readonly searchService: SearchService,
    private readonly access: PaperAccess,
  ) {}

  @Get('search')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Search cases and documents (Norwegian full-text search, ranked, with highlighted snippets)', query: SearchQuery, response: SearchResponse })
  async search(@Query(new ZodPipe(SearchQuery, 'SEARCH_INVALID')) query: SearchQuery, @CurrentCaller() caller: RequestCaller): Promise<SearchResponse> {
    return this.searchService.search(query, { kind: 'staff', scope: await this.access.exemptScope(caller) });
  }
}
