import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MunicipalitySettingsService } from '../municipalities/municipality-settings.service.js';
import { composeMeetingNotice, type MeetingNoticeInput } from '../pdf/composers/meeting-notice.composer.js';
import { formatOsloDate, formatOsloTime, type ComposedDocument } from '../pdf/document-layout.js';
import { PdfRenderer } from '../pdf/pdf-renderer.service.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Meeting } from './meeting.entity.js';
import { MeetingNotFoundError } from './meetings.errors.js';
import { toAgendaItemDto } from './meetings.mapper.js';
import { osloDay } from '../core/dates.js';

export interface RenderedNotice {
  meeting: Meeting;
  bodyName: string;
  title: string;
  pdf: Buffer;
  filename: string;
}

/**
 * The notice of a meeting (møteinnkalling, koml. § 11-3) as PDF. It goes to the public and to every
 * member alike, so it carries no exempt information: closed items show only number and legal ground.
 */
@Injectable()
export class MeetingNoticeService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly renderer: PdfRenderer,
    private readonly settings: MunicipalitySettingsService,
  ) {}

  async compose(meetingId: string, now = new Date()): Promise<{ meeting: Meeting; bodyName: string; doc: ComposedDocument }> {
    const { meeting, bodyName, input } = await this.noticeInput(meetingId, now);
    return { meeting, bodyName, doc: composeMeetingNotice(input) };
  }

  /** What the notice says, before it is composed: also the first part of the meeting papers. */
  async noticeInput(meetingId: string, now = new Date()): Promise<{ meeting: Meeting; bodyName: string; input: MeetingNoticeInput }> {
    const meeting = await this.em.findOne(Meeting, meetingId, { populate: ['body'] });
    if (!meeting) throw new MeetingNotFoundError();
    const items = await this.em.find(AgendaItem, { meeting }, { populate: ['case'], orderBy: { position: 'asc' } });
    // The name, coat of arms and written standard of the municipality's settings (docs/settings.md).
    const settings = await this.settings.get({ coatOfArms: true });
    const bodyName = meeting.body.getEntity().name;
    const input: MeetingNoticeInput = {
      municipalityName: settings.documentName,
      language: settings.writtenStandard,
      coatOfArms: settings.coatOfArms,
      bodyName,
      meeting: { startsAt: meeting.startsAt, endsAt: meeting.endsAt, place: meeting.place, remote: meeting.remote },
      items: items.map((item) => {
        const kase = item.case?.getEntity() ?? null;
        const dto = toAgendaItemDto(item, kase, { exemptAccess: false });
        return { number: dto.number, title: dto.title, exempt: item.closed || (kase !== null && !kase.public), citation: dto.citation };
      }),
      generatedAt: now,
    };
    return { meeting, bodyName, input };
  }

  async render(meetingId: string): Promise<RenderedNotice> {
    const { meeting, bodyName, doc } = await this.compose(meetingId);
    const pdf = await this.renderer.render(doc);
    const day = osloDay(meeting.startsAt);
    return { meeting, bodyName, title: doc.title, pdf, filename: `moteinnkalling-${day}.pdf` };
  }

  /** The short covering text of the notice e-mail; the PDF carries the agenda. */
  mailText(notice: RenderedNotice): string {
    const m = notice.meeting;
    const where = m.remote ? ['fjernmøte', m.place].filter(Boolean).join(', ') : m.place || 'sted kommer';
    return [
      `Du innkalles til møte i ${notice.bodyName} ${formatOsloDate(m.startsAt)} kl. ${formatOsloTime(m.startsAt)} (${where}).`,
      '',
      'Innkallingen med saksliste er vedlagt (kommuneloven § 11-3).',
      'Forfall meldes snarest til sekretariatet, slik at varamedlem kan kalles inn.',
    ].join('\n');
  }
}
