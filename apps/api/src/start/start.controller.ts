import { Controller, Get } from '@nestjs/common';
import { SecretariatStart } from '@sekretariat/contracts';
import { Allow, EDITORS } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { StartService } from './start.service.js';

/** The start pages after signing in (the officials' is Mine møter, GET /api/reader/meetings). */
@Controller('start')
export class StartController {
  constructor(private readonly start: StartService) {}

  @Get('secretariat')
  @Allow(...EDITORS)
  @ApiRoute({ summary: "The secretariat's start page: the next meetings with what is due (notice, protocol), cases on no agenda yet, substitutes who have not answered", response: SecretariatStart })
  secretariat(): Promise<SecretariatStart> {
    return this.start.secretariat(new Date());
  }
}
