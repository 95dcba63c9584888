import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { SessionStore } from '../core/session/session-store';
import { LoadState } from '../shared/load-state';
import { PublicMeetingsApi, publicUrls } from './public-api';
import { machineTime, meetingClock, meetingDate, videoAt, videoClock } from './public-time';

/** Statuses in which a meeting can have an approved protocol (a correction keeps it approved). */
const WITH_PROTOCOL = new Set(['minutes_approved']);

/**
 * `/motekalender/:meetingId`: the notice of a meeting with its agenda (saksliste). Closed items show
 * only their number, "Unntatt offentlighet" and the legal ground (the API sends no more).
 */
@Component({
  selector: 'app-public-meeting-page',
  imports: [RouterLink, TranslocoPipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-page.html',
  styleUrl: './public.css',
})
export class MeetingPage {
  private readonly api = inject(PublicMeetingsApi);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  protected readonly meetingDate = meetingDate;
  protected readonly meetingClock = meetingClock;
  protected readonly machineTime = machineTime;
  protected readonly videoAt = videoAt;
  protected readonly videoClock = videoClock;

  /** Route parameter. */
  readonly meetingId = input.required<string>();

  protected readonly meeting = rxResource({
    params: () => ({ id: this.meetingId() }),
    stream: ({ params }) => this.api.meeting(params.id),
  });
  /** Asked only for meetings whose protocol is approved; nothing is shown when it fails. */
  protected readonly protocol = rxResource({
    params: () =>
      this.meeting.hasValue() && WITH_PROTOCOL.has(this.meeting.value().status)
        ? { id: this.meeting.value().id }
        : undefined,
    stream: ({ params }) => this.api.protocol(params.id),
  });
  protected readonly protocolInfo = computed(() =>
    this.protocol.hasValue() ? this.protocol.value().protocol : null,
  );
  protected readonly protocolUrls = computed(() => {
    const slug = this.session.municipality()?.slug;
    return slug
      ? {
          pdf: publicUrls.protocolPdf(slug, this.meetingId()),
          json: publicUrls.protocolJson(slug, this.meetingId()),
        }
      : null;
  });
  protected readonly noticeUrl = computed(() => {
    const slug = this.session.municipality()?.slug;
    return slug ? publicUrls.notice(slug, this.meetingId()) : null;
  });
  /** The papers (sakspapirer): the notice, then each open case with its public documents. */
  protected readonly papersUrl = computed(() => {
    const slug = this.session.municipality()?.slug;
    return slug ? publicUrls.papers(slug, this.meetingId()) : null;
  });

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      titles.setDetail(this.meeting.hasValue() ? this.meeting.value().bodyName : null);
    });
  }
}
