import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  PendingTasks,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CoupleBooking } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../core/api/api-error';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { FormProblems } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { bookingProblemsFromError } from './booking-errors';
import { BookingFacts } from './booking-facts';
import { ManageEdit } from './manage-edit';
import { PublicWeddingsApi, calendarUrl, confirmationPdfUrl } from './weddings-api';
import { SessionStore } from '../core/session/session-store';

/**
 * `/vigsel/:reference?token=…`: the couple's booking behind the private link from the receipt
 * and the confirmation e-mail, without signing in (the token is the key; a wrong one finds
 * nothing). They can cancel it, after a confirmation.
 */
@Component({
  selector: 'app-wedding-manage-page',
  imports: [RouterLink, TranslocoPipe, BookingFacts, ConfirmDialog, LoadState, ManageEdit],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 #heading class="ds-heading" data-size="lg">
      {{ 'weddings.manage.heading' | transloco: { reference: reference() } }}
    </h1>
    @if (!token()) {
      <div class="ds-alert" data-color="warning" data-testid="manage-no-token">
        <p class="ds-paragraph">{{ 'weddings.manage.noToken' | transloco }}</p>
      </div>
    } @else if (notFound()) {
      <div class="ds-alert" data-color="warning" role="alert" data-testid="manage-not-found">
        <p class="ds-paragraph">{{ 'weddings.manage.notFound' | transloco }}</p>
      </div>
    } @else {
      <app-load-state
        [loading]="loaded.isLoading()"
        [error]="loaded.error()"
        loadingKey="weddings.manage.loading"
        (retry)="loaded.reload()"
      />
    }
    <div aria-live="polite" data-testid="manage-status">
      @if (savedNow()) {
        <div class="ds-alert" data-color="success" data-testid="manage-saved">
          <p class="ds-paragraph">{{ 'weddings.manage.saved' | transloco }}</p>
        </div>
      }
      @if (cancelledNow()) {
        <div class="ds-alert" data-color="success">
          <p class="ds-paragraph">{{ 'weddings.manage.cancelled' | transloco }}</p>
        </div>
      }
    </div>
    @if (booking(); as b) {
      <app-wedding-booking-facts [booking]="b" />
      @if (b.status === 'booked' && calendar(); as href) {
        <p class="ds-paragraph">
          <a class="ds-link" [href]="href" data-testid="calendar-file">{{
            'weddings.facts.calendar' | transloco
          }}</a>
        </p>
      }
      @if (b.status === 'booked' && confirmationPdf(); as href) {
        <p class="ds-paragraph">
          <a class="ds-link" [href]="href" data-testid="confirmation-pdf">{{
            'weddings.facts.confirmationPdf' | transloco
          }}</a>
        </p>
      }
      @if (cancellable() && token(); as key) {
        <app-wedding-manage-edit
          #editor
          [booking]="b"
          [reference]="reference()"
          [token]="key"
          (saved)="edited($event)"
          (cancelled)="editing.set(false)"
        />
        @if (!editing()) {
          <p class="ds-paragraph">
            <button
              type="button"
              class="ds-button"
              data-variant="secondary"
              data-testid="manage-edit"
              (click)="editing.set(true); savedNow.set(false); editor.start()"
            >
              {{ 'weddings.manage.edit' | transloco }}
            </button>
          </p>
        }
      }
      @if (cancellable()) {
        <p class="ds-paragraph">{{ 'weddings.manage.cancelIntro' | transloco }}</p>
        <button
          type="button"
          class="ds-button"
          data-variant="secondary"
          data-color="danger"
          data-testid="manage-cancel"
          (click)="openCancel()"
        >
          {{ 'weddings.manage.cancel' | transloco }}
        </button>
        <app-confirm-dialog
          [heading]="'weddings.manage.confirmHeading' | transloco"
          confirmKey="weddings.manage.confirm"
          [danger]="true"
          [busy]="cancelling()"
          [problems]="problems"
          testId="manage-cancel-dialog"
          (confirmed)="cancel()"
        >
          <p class="ds-paragraph">{{ 'weddings.manage.confirmText' | transloco }}</p>
          <div class="ds-field">
            <label class="ds-label" for="manage-reason">{{
              'weddings.manage.reason' | transloco
            }}</label>
            <textarea
              id="manage-reason"
              class="ds-input"
              rows="3"
              maxlength="1000"
              [value]="reason()"
              (input)="reason.set(value($event))"
            ></textarea>
          </div>
        </app-confirm-dialog>
      } @else if (b.status === 'booked') {
        <p class="ds-paragraph">{{ 'weddings.manage.past' | transloco }}</p>
      }
    }
    <p class="ds-paragraph back">
      <a class="ds-link" routerLink="/vigsel">{{ 'weddings.manage.back' | transloco }}</a>
    </p>
  `,
  styleUrl: './weddings.css',
})
export class ManagePage {
  private readonly api = inject(PublicWeddingsApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly injector = inject(Injector);

  /** Route parameter: the booking's reference, "V-2027-0042". */
  readonly reference = input.required<string>();
  /** `?token=` from the private link. */
  readonly token = input<string | undefined>(undefined);

  protected readonly loaded = rxResource({
    params: () => {
      const token = this.token();
      return token ? { reference: this.reference(), token } : undefined;
    },
    stream: ({ params }) => this.api.booking(params.reference, params.token),
  });
  /** The booking as last answered (the load, then the cancellation). */
  protected readonly booking = linkedSignal<CoupleBooking | null>(() =>
    this.loaded.hasValue() ? this.loaded.value() : null,
  );
  protected readonly notFound = computed(() => {
    const error = this.loaded.error();
    return error instanceof ApiError && (error.status === 404 || error.status === 400);
  });
  protected readonly cancellable = computed(() => {
    const b = this.booking();
    return b !== null && b.status === 'booked' && Date.parse(b.startsAt) > Date.now();
  });
  private readonly session = inject(SessionStore);
  protected readonly calendar = computed(() => {
    const slug = this.session.municipality()?.slug;
    const token = this.token();
    return slug && token ? calendarUrl(slug, this.reference(), token) : null;
  });
  protected readonly confirmationPdf = computed(() => {
    const slug = this.session.municipality()?.slug;
    const token = this.token();
    return slug && token ? confirmationPdfUrl(slug, this.reference(), token) : null;
  });
  protected readonly reason = signal('');
  protected readonly cancelling = signal(false);
  protected readonly cancelledNow = signal(false);
  protected readonly editing = signal(false);
  protected readonly savedNow = signal(false);
  protected readonly problems = new FormProblems();

  private readonly dialog = viewChild(ConfirmDialog);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  /** The details were changed: the facts show the answer; focus back to the heading, the news below it. */
  protected edited(saved: CoupleBooking): void {
    this.booking.set(saved);
    this.editing.set(false);
    this.savedNow.set(true);
    afterNextRender(
      () => {
        const heading = this.heading().nativeElement;
        heading.tabIndex = -1;
        heading.focus();
      },
      { injector: this.injector },
    );
  }

  protected openCancel(): void {
    this.savedNow.set(false);
    this.problems.clear();
    this.dialog()?.open();
  }

  protected value(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }

  protected cancel(): void {
    const token = this.token();
    if (this.cancelling() || !token) return;
    this.pendingTasks.run(async () => {
      this.cancelling.set(true);
      try {
        const cancelled = await firstValueFrom(
          this.api.cancel(this.reference(), token, this.reason().trim()),
        );
        this.dialog()?.close();
        this.booking.set(cancelled);
        this.cancelledNow.set(true);
        // The cancel button is gone: start again at the page's heading, with the news below it.
        afterNextRender(
          () => {
            const heading = this.heading().nativeElement;
            heading.tabIndex = -1;
            heading.focus();
          },
          { injector: this.injector },
        );
      } catch (error) {
        this.problems.set(bookingProblemsFromError(error));
      } finally {
        this.cancelling.set(false);
      }
    });
  }
}
