import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { MeetingSeats } from './meeting-seats';

/** `/moter/:id/oppmote`: the seat overview on a page of its own (until the meeting page embeds it). */
@Component({
  selector: 'app-meeting-seats-page',
  imports: [TranslocoPipe, RouterLink, MeetingSeats],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back"><a class="ds-link" [routerLink]="['/moter', id()]">{{ 'attendance.seatsPage.back' | transloco }}</a></p>
    <h1 class="ds-heading" data-size="lg">{{ 'attendance.seatsPage.heading' | transloco }}</h1>
    <p class="ds-paragraph lead">{{ 'attendance.seatsPage.intro' | transloco }}</p>
    <app-meeting-seats [meetingId]="id()" />
  `,
  styles: `
    .back {
      margin-bottom: var(--ds-size-4);
    }
    .lead {
      max-width: 48em;
      margin-block: var(--ds-size-4) var(--ds-size-6);
    }
  `,
})
export class MeetingSeatsPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();
}
