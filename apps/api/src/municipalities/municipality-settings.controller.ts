import type {} from '@fastify/multipart';
import { Body as RequestBody, Controller, Delete, Get, HttpCode, Put, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  COAT_OF_ARMS_MAX_BYTES,
  MunicipalitySettings,
  MunicipalitySettingsInput,
  MunicipalitySlugParams,
} from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { Accepts } from '../common/http/state-changes.js';
import { invalidText } from '../common/http/text-input.js';
import { zod } from '../common/http/zod.js';
import { hasBadText } from '../common/text.js';
import { coatOfArmsError } from './coat-of-arms.js';
import { MunicipalitySettingsService } from './municipality-settings.service.js';

/** The municipality's settings (reglement): the admin changes them, the secretariat reads them. */
@Controller()
export class MunicipalitySettingsController {
  constructor(private readonly settings: MunicipalitySettingsService) {}

  @Get('municipality/settings')
  @Allow('admin', 'secretariat')
  @ApiRoute({
    summary: "The municipality's settings with the defaults filled in (docs/settings.md)",
    response: MunicipalitySettings,
  })
  view(): Promise<MunicipalitySettings> {
    return this.settings.view();
  }

  @Put('municipality/settings')
  @Allow('admin')
  @ApiRoute({
    summary:
      'Change the settings: notice days per body type, written standard, remote meetings, signatories, substitute answer time, document name',
    body: MunicipalitySettingsInput,
    response: MunicipalitySettings,
  })
  update(
    @RequestBody(zod(MunicipalitySettingsInput)) input: MunicipalitySettingsInput,
  ): Promise<MunicipalitySettings> {
    return this.settings.update(input);
  }

  @Put('municipality/settings/coat-of-arms')
  @Accepts('multipart')
  @Allow('admin')
  @ApiRoute({
    summary:
      'Upload the coat of arms (multipart/form-data, one file): PNG only, at most 256 kB and 1000 × 1000 px',
    response: MunicipalitySettings,
  })
  async setCoatOfArms(@Req() request: FastifyRequest): Promise<MunicipalitySettings> {
    return this.settings.setCoatOfArms(await readPng(request));
  }

  @Delete('municipality/settings/coat-of-arms')
  @HttpCode(200)
  @Allow('admin')
  @ApiRoute({ summary: 'Remove the coat of arms', response: MunicipalitySettings, status: 200 })
  deleteCoatOfArms(): Promise<MunicipalitySettings> {
    return this.settings.deleteCoatOfArms();
  }

  @Get('public/:municipality/coat-of-arms.png')
  @Allow('public')
  @ApiRoute({
    summary: "The municipality's coat of arms (PNG)",
    params: MunicipalitySlugParams,
    response: 'image/png',
  })
  async coatOfArms(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const png = await this.settings.coatOfArmsPng();
    void reply
      .type('image/png')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300');
    return png;
  }
}

/** The one file of a multipart upload, cut off just above the size limit (so too large is told apart from exactly the limit). */
async function readPng(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart())
    throw new DomainError('COAT_OF_ARMS_NOT_MULTIPART', 'Send bildet som multipart/form-data.', 415);
  let file: Buffer | undefined;
  try {
    for await (const part of request.parts({
      limits: { fileSize: COAT_OF_ARMS_MAX_BYTES, files: 1, fields: 5, fieldSize: 1000 },
    })) {
      if (part.type !== 'file') continue;
      if (hasBadText(part.filename)) throw invalidText('file');
      file = await part.toBuffer();
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw coatOfArmsError.tooLarge();
    if (code === 'FST_FILES_LIMIT') throw new DomainError('COAT_OF_ARMS_ONE_FILE', 'Last opp én fil.', 400);
    throw new DomainError('COAT_OF_ARMS_UPLOAD_BROKEN', 'Opplastingen kunne ikke leses. Prøv igjen.', 400);
  }
  if (!file)
    throw new DomainError('COAT_OF_ARMS_FILE_MISSING', 'Velg en PNG-fil å laste opp.', 400, [
      { path: 'file', message: 'Velg en fil.' },
    ]);
  return file;
}
