import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  inject,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { BookingFacts } from './booking-facts';
import { BookingReceipt } from './booking-receipt';
import { calendarUrl, manageLink } from './weddings-api';
import { SessionStore } from '../core/session/session-store';

/**
 * `/vigsel/bekreftelse`: the receipt right after booking: the reference, what was booked, the
 * fee, and the private link to see or cancel the booking. The link holds a token the API keeps
 * only as a hash: it is shown this once (after a reload the page says so).
 */
@Component({
  selector: 'app-wedding-receipt-page',
  imports: [RouterLink, TranslocoPipe, BookingFacts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (created(); as c) {
      <h1 class="ds-heading" data-size="lg">{{ 'weddings.receipt.heading' | transloco }}</h1>
      <div class="ds-alert" data-color="success" data-testid="receipt">
        <p class="ds-paragraph">
          {{ 'weddings.receipt.intro' | transloco: { reference: c.reference } }}
        </p>
      </div>
      <app-wedding-booking-facts [booking]="c.booking" />

      <section aria-labelledby="link-heading">
        <h2 class="ds-heading" data-size="sm" id="link-heading">
          {{ 'weddings.receipt.linkHeading' | transloco }}
        </h2>
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph" id="manage-link-help">
            {{ 'weddings.receipt.linkOnce' | transloco }}
          </p>
        </div>
        <div class="link-box">
          <div class="ds-field">
            <label class="ds-label" for="manage-link">{{
              'weddings.receipt.linkLabel' | transloco
            }}</label>
            <input
              id="manage-link"
              class="ds-input"
              type="text"
              readonly
              data-testid="manage-link"
              aria-describedby="manage-link-help"
              [value]="link()"
            />
          </div>
          <button
            type="button"
            class="ds-button"
            data-variant="secondary"
            data-testid="copy-link"
            (click)="copy()"
          >
            {{ 'weddings.receipt.copy' | transloco }}
          </button>
        </div>
        <p class="ds-paragraph" aria-live="polite" data-testid="copy-status">
          @if (copied(); as state) {
            {{ 'weddings.receipt.' + state | transloco }}
          }
        </p>
        <p class="ds-paragraph actions">
          <a class="ds-link" [href]="link()" data-testid="open-manage">{{
            'weddings.receipt.openLink' | transloco
          }}</a>
          @if (calendar(); as href) {
            <a class="ds-link" [href]="href" data-testid="calendar-file">{{
              'weddings.facts.calendar' | transloco
            }}</a>
          }
        </p>
      </section>
    } @else {
      <h1 class="ds-heading" data-size="lg">{{ 'weddings.receipt.goneHeading' | transloco }}</h1>
      <p class="ds-paragraph" data-testid="receipt-gone">
        {{ 'weddings.receipt.gone' | transloco }}
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" routerLink="/vigsel">{{ 'weddings.receipt.back' | transloco }}</a>
      </p>
    }
  `,
  styleUrl: './weddings.css',
})
export class ReceiptPage {
  private readonly document = inject(DOCUMENT);
  protected readonly created = inject(BookingReceipt).value;
  protected readonly copied = signal<'copied' | 'copyFailed' | null>(null);

  private readonly session = inject(SessionStore);
  protected readonly calendar = computed(() => {
    const c = this.created();
    const slug = this.session.municipality()?.slug;
    return c && slug ? calendarUrl(slug, c.reference, c.manageToken) : null;
  });

  protected readonly link = computed(() => {
    const c = this.created();
    return c ? manageLink(this.document.location.origin, c.reference, c.manageToken) : '';
  });

  protected copy(): void {
    const clipboard = this.document.defaultView?.navigator.clipboard;
    if (!clipboard) {
      this.copied.set('copyFailed');
      return;
    }
    clipboard.writeText(this.link()).then(
      () => {
        this.copied.set('copied');
      },
      () => {
        this.copied.set('copyFailed');
      },
    );
  }
}
