import { Controller, Get, Param } from '@nestjs/common';
import {
  MunicipalitySlugParams,
  PopoloMembership,
  PopoloOrganization,
  PopoloPerson,
  PopoloPost,
  PopoloResponse,
} from '@sekretariat/contracts';
import { z } from 'zod';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { PopoloService } from './popolo.service.js';

type Slug = z.infer<typeof MunicipalitySlugParams>;

/** Open data for reuse, in the Popolo vocabulary (popoloproject.com), licensed NLOD 2.0. */
@Controller('public/:municipality/popolo')
@Allow('public')
export class PopoloController {
  constructor(private readonly popolo: PopoloService) {}

  @Get('organizations')
  @ApiRoute({ summary: 'Open bodies and parties as Popolo organizations', params: MunicipalitySlugParams, response: PopoloResponse(PopoloOrganization) })
  organizations(@Param(zod(MunicipalitySlugParams)) _: Slug) {
    return this.popolo.organizations();
  }

  @Get('persons')
  @ApiRoute({ summary: 'Members and substitutes of open bodies as Popolo persons (names only)', params: MunicipalitySlugParams, response: PopoloResponse(PopoloPerson) })
  persons(@Param(zod(MunicipalitySlugParams)) _: Slug) {
    return this.popolo.persons();
  }

  @Get('memberships')
  @ApiRoute({ summary: 'Memberships of open bodies, with history, as Popolo memberships', params: MunicipalitySlugParams, response: PopoloResponse(PopoloMembership) })
  memberships(@Param(zod(MunicipalitySlugParams)) _: Slug) {
    return this.popolo.memberships();
  }

  @Get('posts')
  @ApiRoute({ summary: 'Posts (leader, deputy, member) of open bodies', params: MunicipalitySlugParams, response: PopoloResponse(PopoloPost) })
  posts(@Param(zod(MunicipalitySlugParams)) _: Slug) {
    return this.popolo.posts();
  }
}
