import { ChangeDetectionStrategy, Component, PendingTasks, computed, inject, input, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Absence, SeatState } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../core/api/api-error';
import { LanguageService } from '../core/i18n/language.service';
import { EDITOR_ROLES, hasAnyRole } from '../core/session/roles';
import { SessionStore } from '../core/session/session-store';
import { FormProblems, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { ModalDialog } from '../shared/modal-dialog';
import { ScrollRegion } from '../shared/scroll-region';
import { type AbsenceChoice, AbsenceForm } from './absence-form';
import { AttendanceApi, formatMoment } from './attendance-api';

/**
 * The state of every seat before a meeting, for the secretariat: who attends, who has reported
 * absence or disqualification, which substitute was asked, their answer and deadline, and seats
 * left empty because the list is exhausted. The secretariat registers absence from here.
 * Embed as `<app-meeting-seats [meetingId]="id" />`.
 */
@Component({
  selector: 'app-meeting-seats',
  imports: [TranslocoPipe, LoadState, ModalDialog, ScrollRegion, AbsenceForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="seats" aria-labelledby="seats-heading" data-testid="meeting-seats">
      <h2 class="ds-heading" data-size="md" id="seats-heading">{{ 'attendance.seats.heading' | transloco }}</h2>
      <app-load-state [loading]="seats.isLoading()" [error]="seats.error()" (retry)="seats.reload()" />
      <div aria-live="polite" class="status-region">
        @if (recordError(); as message) {
          <div class="ds-alert" data-color="danger" data-testid="record-error"><p class="ds-paragraph" lang="nb">{{ message }}</p></div>
        }
        @if (done(); as text) {
          <div class="ds-alert" data-color="success" data-testid="seats-done">
            <p class="ds-paragraph">
              {{ (text.substitute ? 'attendance.seats.registeredAsked' : 'attendance.seats.registered') | transloco: text }}
            </p>
          </div>
        }
      </div>
      @if (seats.hasValue()) {
        @let state = seats.value();
        <p class="ds-paragraph" data-testid="seats-summary">
          {{ 'attendance.seats.summary' | transloco: { present: counts().present, absent: counts().absent, leave: counts().leave, calledIn: state.calledIn.length } }}
        </p>
        @if (state.emptySeats > 0) {
          <div class="ds-alert" data-color="warning" data-testid="seats-empty">
            <p class="ds-paragraph">{{ 'attendance.seats.empty' | transloco: { count: state.emptySeats } }}</p>
          </div>
        }
        <div appScrollRegion="seats-caption">
          <table class="ds-table" data-border data-testid="seats-table">
            <caption id="seats-caption" class="ds-sr-only">{{ 'attendance.seats.caption' | transloco: { body: state.bodyName } }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'attendance.seats.member' | transloco }}</th>
                <th scope="col">{{ 'attendance.seats.state' | transloco }}</th>
                <th scope="col">{{ 'attendance.seats.substitute' | transloco }}</th>
                @if (editor()) {
                  <th scope="col"><span class="ds-sr-only">{{ 'attendance.seats.actions' | transloco }}</span></th>
                }
              </tr>
            </thead>
            <tbody>
              @for (seat of state.seats; track seat.membershipId) {
                <tr [attr.data-testid]="'seat-' + seat.personId">
                  <th scope="row">
                    {{ seat.name }}
                    @if (seat.party) {
                      <span class="party">({{ seat.party }})</span>
                    }
                  </th>
                  <td>
                    <span class="ds-tag" [attr.data-color]="seat.state === 'present' ? 'success' : 'warning'">{{
                      'attendance.state.' + seat.state | transloco
                    }}</span>
                    @for (absence of seat.absences; track absence.id) {
                      <div class="detail">
                        @if (absence.kind === 'disqualified') {
                          {{ 'attendance.seats.disqualifiedIn' | transloco: { number: absence.agendaItemNumber } }}
                        }
                        @if (absence.reason) {
                          <span>{{ absence.reason }}</span>
                        }
                      </div>
                    }
                  </td>
                  <td>
                    @for (absence of seat.absences; track absence.id) {
                      <ul class="ds-list summonses">
                        @for (summons of absence.summonses; track summons.id) {
                          <li [attr.data-testid]="'summons-' + summons.status">
                            {{ summons.name }} ({{ 'attendance.seats.rank' | transloco: { rank: summons.rank, list: summons.list } }}):
                            <strong>{{ 'attendance.status.' + summons.status | transloco }}</strong>
                            @if (summons.status === 'pending') {
                              – {{ 'attendance.seats.deadline' | transloco: { at: moment(summons.deadline) } }}
                              @if (editor()) {
                                <span class="phone">
                                  <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" data-testid="record-accept" (click)="record(summons.id, 'accept')">
                                    {{ 'attendance.seats.recordAccept' | transloco }}<span class="ds-sr-only">: {{ summons.name }}</span>
                                  </button>
                                  <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" data-testid="record-decline" (click)="record(summons.id, 'decline')">
                                    {{ 'attendance.seats.recordDecline' | transloco }}<span class="ds-sr-only">: {{ summons.name }}</span>
                                  </button>
                                </span>
                              }
                            }
                          </li>
                        }
                      </ul>
                      @if (absence.exhausted && !hasOpen(absence)) {
                        <p class="ds-paragraph exhausted" data-size="sm" data-testid="seat-exhausted">
                          <strong>{{ 'attendance.seats.exhausted' | transloco }}</strong> <span lang="nb">{{ absence.exhausted }}</span>
                        </p>
                      }
                    } @empty {
                      <span class="ds-sr-only">{{ 'attendance.seats.none' | transloco }}</span><span aria-hidden="true">–</span>
                    }
                  </td>
                  @if (editor()) {
                    <td>
                      @if (seat.state === 'present') {
                        <button type="button" class="ds-button" data-variant="secondary" data-size="sm" (click)="openRegister(seat)">
                          {{ 'attendance.seats.register' | transloco }}<span class="ds-sr-only">: {{ seat.name }}</span>
                        </button>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <app-modal-dialog [heading]="'attendance.seats.registerHeading' | transloco: { name: chosen()?.name ?? '' }" testId="register-absence-dialog" (closed)="chosen.set(null)">
          @if (chosen()) {
            <app-absence-form
              idPrefix="register-absence"
              [items]="state.items"
              [problems]="problems"
              [saving]="saving()"
              [showDeadline]="true"
              submitKey="attendance.seats.registerSubmit"
              (submitted)="register($event)"
            />
          }
        </app-modal-dialog>
      }
    </section>
  `,
  styles: `
    .seats > * + * {
      margin-top: var(--ds-size-4);
    }
    .ds-table {
      width: 100%;
    }
    .party {
      font-weight: normal;
    }
    .detail {
      margin-top: var(--ds-size-1);
    }
    .summonses {
      margin: 0;
      padding-inline-start: var(--ds-size-5);
    }
    .phone {
      display: inline-flex;
      flex-wrap: wrap;
      gap: var(--ds-size-2);
    }
    .exhausted {
      margin-top: var(--ds-size-2);
    }
  `,
})
export class MeetingSeats {
  private readonly api = inject(AttendanceApi);
  private readonly session = inject(SessionStore);
  private readonly language = inject(LanguageService);
  private readonly pendingTasks = inject(PendingTasks);

  readonly meetingId = input.required<string>();

  protected readonly seats = rxResource({ params: () => this.meetingId(), stream: ({ params }) => this.api.seats(params) });
  protected readonly editor = computed(() => hasAnyRole(this.session.callers(), EDITOR_ROLES));
  protected readonly counts = computed(() => {
    const seats = this.seats.hasValue() ? this.seats.value().seats : [];
    return {
      present: seats.filter((s) => s.state === 'present').length,
      absent: seats.filter((s) => s.state === 'absent').length,
      leave: seats.filter((s) => s.state === 'on_leave').length,
    };
  });
  protected readonly chosen = signal<SeatState | null>(null);
  protected readonly saving = signal(false);
  protected readonly done = signal<{ name: string; substitute: string | null } | null>(null);
  protected readonly problems = new FormProblems();
  protected readonly recordError = signal<string | null>(null);
  private readonly dialog = viewChild(ModalDialog);
  private readonly form = viewChild(AbsenceForm);

  protected moment(iso: string): string {
    return formatMoment(iso, this.language.locale());
  }

  protected hasOpen(absence: Absence): boolean {
    return absence.summonses.some((s) => s.status === 'pending' || s.status === 'accepted');
  }

  protected openRegister(seat: SeatState): void {
    this.problems.clear();
    this.done.set(null);
    this.chosen.set(seat);
    this.dialog()?.open();
  }

  /** An answer the substitute gave by phone; a decline asks the next one. */
  protected record(summonsId: string, answer: 'accept' | 'decline'): void {
    this.pendingTasks.run(async () => {
      this.recordError.set(null);
      try {
        await firstValueFrom(this.api.answerFor(summonsId, answer));
      } catch (error) {
        this.recordError.set(error instanceof ApiError ? error.message : null);
      }
      this.seats.reload();
    });
  }

  protected register(choice: AbsenceChoice): void {
    const seat = this.chosen();
    if (!seat || this.saving()) return;
    this.pendingTasks.run(async () => {
      this.saving.set(true);
      try {
        const absence = await firstValueFrom(this.api.register(this.meetingId(), { personId: seat.personId, ...choice }));
        const asked = absence.summonses[0];
        this.done.set({ name: seat.name, substitute: asked?.name ?? null });
        this.dialog()?.close();
        this.seats.reload();
      } catch (error) {
        this.problems.set(problemsFromError(error, this.form()?.fieldIds() ?? {}));
      } finally {
        this.saving.set(false);
      }
    });
  }
}
