import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CoupleBooking } from '@sekretariat/contracts';
import { LanguageService } from '../core/i18n/language.service';
import { NokPipe } from '../shared/nok.pipe';
import { formatClock, formatDay, formatShortDay, osloDate } from './wedding-time';

/** What a couple booked, as a list of facts: for the receipt and the page behind the private link. */
@Component({
  selector: 'app-wedding-booking-facts',
  imports: [TranslocoPipe, NokPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let b = booking();
    <dl class="facts" data-testid="booking-facts">
      <div>
        <dt>{{ 'weddings.facts.reference' | transloco }}</dt>
        <dd data-testid="booking-reference">{{ b.reference }}</dd>
      </div>
      <div>
        <dt>{{ 'weddings.facts.status' | transloco }}</dt>
        <dd data-testid="booking-status">{{ 'weddings.status.' + b.status | transloco }}</dd>
      </div>
      <div>
        <dt>{{ 'weddings.facts.date' | transloco }}</dt>
        <dd>
          <time [attr.datetime]="b.startsAt">{{ day() }}</time>
        </dd>
      </div>
      <div>
        <dt>{{ 'weddings.facts.time' | transloco }}</dt>
        <dd>{{ clock(b.startsAt) }}–{{ clock(b.endsAt) }}</dd>
      </div>
      <div>
        <dt>{{ 'weddings.facts.place' | transloco }}</dt>
        <dd lang="nb">{{ b.place.name }}</dd>
      </div>
      <div>
        <dt>{{ 'weddings.facts.couple' | transloco }}</dt>
        <dd>
          @for (party of b.parties; track $index) {
            <span class="person">{{ party.name }}</span>
          }
        </dd>
      </div>
      <div>
        <dt>{{ 'weddings.facts.witnesses' | transloco }}</dt>
        <dd>
          @for (witness of b.witnesses; track $index) {
            <span class="person">{{ witness.name }}</span>
          }
        </dd>
      </div>
      <div>
        <dt>{{ 'weddings.facts.language' | transloco }}</dt>
        <dd>{{ 'weddings.language.' + b.ceremonyLanguage | transloco }}</dd>
      </div>
      <div>
        <dt>{{ 'weddings.facts.guests' | transloco }}</dt>
        <dd>{{ b.guests }}</dd>
      </div>
      <div>
        <dt>{{ 'weddings.facts.certificate' | transloco }}</dt>
        <dd>
          {{
            'weddings.facts.certificateDates'
              | transloco
                : { issued: short(b.certificateIssuedOn), until: short(b.certificateValidUntil) }
          }}
        </dd>
      </div>
      <div>
        <dt>{{ 'weddings.facts.fee' | transloco }}</dt>
        <dd data-testid="booking-fee">
          @if (b.fee.free) {
            {{ 'weddings.facts.free' | transloco }}
          } @else {
            {{ b.fee.amountNok | nok }}
          }
        </dd>
      </div>
    </dl>
  `,
  styleUrl: './weddings.css',
  styles: `
    .person {
      display: block;
    }
  `,
})
export class BookingFacts {
  private readonly language = inject(LanguageService);
  readonly booking = input.required<CoupleBooking>();

  protected readonly day = computed(() =>
    formatDay(osloDate(this.booking().startsAt), this.language.locale()),
  );

  protected clock(iso: string): string {
    return formatClock(iso, this.language.locale());
  }

  protected short(date: string): string {
    return formatShortDay(date, this.language.locale());
  }
}
