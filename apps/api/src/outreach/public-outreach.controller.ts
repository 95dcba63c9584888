import { Body as RequestBody, Controller, Get, Param, Post, Req, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { MunicipalitySlugParams, PublicApplicationInput, PublicApplicationReceipt, PublicOutreachInfo, type OutreachLocale } from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { OutreachApplicationsService } from './outreach-applications.service.js';

type SlugParams = z.infer<typeof MunicipalitySlugParams>;

function localeOf(request: FastifyRequest): OutreachLocale {
  const first = String(request.headers['accept-language'] ?? '').toLowerCase().split(',')[0]!.trim();
  return first.startsWith('nn') ? 'nn' : first.startsWith('en') ? 'en' : 'nb';
}

const RECEIVED: Record<OutreachLocale, (ref: string) => string> = {
  nb: (ref) => `Søknaden er mottatt (referanse ${ref}). Valgkontoret ringer deg for å avtale tidspunkt for besøket.`,
  nn: (ref) => `Søknaden er motteken (referanse ${ref}). Valkontoret ringjer deg for å avtale tidspunkt for besøket.`,
  en: (ref) => `Your application has been received (reference ${ref}). The election office will call you to agree on a time for the visit.`,
};

/**
 * The public form for applying to vote at home (`/api/public/<municipality>/outreach/…`),
 * rate-limited like the other public posts. The answer never says more than that it was received:
 * the voter's data is not shown back.
 */
@Controller('public/:municipality/outreach')
@Allow('public')
export class PublicOutreachController {
  constructor(private readonly applications: OutreachApplicationsService) {}

  @Get('info')
  @ApiRoute({ summary: 'Elections one can apply to vote at home in, with the deadline', params: MunicipalitySlugParams, response: PublicOutreachInfo })
  info(@Param(zod(MunicipalitySlugParams)) _p: SlugParams) {
    return this.applications.publicInfo();
  }

  @Post('applications')
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @ApiRoute({ summary: 'Apply to vote at home: deadline and roll checked; nothing stored for a voter not in the roll', params: MunicipalitySlugParams, body: PublicApplicationInput, response: PublicApplicationReceipt })
  async apply(@Param(zod(MunicipalitySlugParams)) _p: SlugParams, @RequestBody(zod(PublicApplicationInput)) input: PublicApplicationInput, @Req() request: FastifyRequest): Promise<PublicApplicationReceipt> {
    const locale = localeOf(request);
    const { electionId, consent: _consent, ...fields } = input;
    const a = await this.applications.apply(electionId, fields, 'web', ['public'], locale);
    return { reference: a.reference, message: RECEIVED[locale](a.reference) };
  }
}
