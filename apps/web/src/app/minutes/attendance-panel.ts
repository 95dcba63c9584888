import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Attendee } from '@sekretariat/contracts';
import { ErrorSummary } from '../shared/error-summary';
import { FormProblems } from '../shared/form-problems';
import { ScrollRegion } from '../shared/scroll-region';
import { AddAttendeeDialog, type AddedRole } from './add-attendee-dialog';
import { AttendeeDialog } from './attendee-dialog';
import { MinutesState } from './minutes-state';

/**
 * Who was in the room: members, substitutes and whom they met for, officers; present or absent
 * with the reason, arrivals and departures by item and time. Read-only once the protocol is approved.
 */
@Component({
  selector: 'app-attendance-panel',
  imports: [TranslocoPipe, ErrorSummary, ScrollRegion, AttendeeDialog, AddAttendeeDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section id="oppmote" aria-labelledby="attendance-heading" data-testid="attendance-panel">
      <h2 #heading class="ds-heading" data-size="md" id="attendance-heading" tabindex="-1">
        {{ 'minutes.attendance.heading' | transloco }}
      </h2>
      <p class="ds-paragraph" data-testid="attendance-summary">
        {{ 'minutes.attendance.summary' | transloco: counts() }}
      </p>
      <app-error-summary [problems]="problems" />
      <div appScrollRegion="attendance-caption">
        <table class="ds-table" data-border data-testid="attendance-table">
          <caption id="attendance-caption" class="ds-sr-only">
            {{
              'minutes.attendance.caption' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'minutes.attendance.name' | transloco }}</th>
              <th scope="col">{{ 'minutes.attendance.role' | transloco }}</th>
              <th scope="col">{{ 'minutes.attendance.presence' | transloco }}</th>
              @if (state.editable()) {
                <th scope="col">
                  <span class="ds-sr-only">{{ 'minutes.actions' | transloco }}</span>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (a of attendees(); track a.id) {
              <tr [attr.data-testid]="'attendee-' + (a.personId ?? a.id)">
                <th scope="row">
                  {{ a.name }}
                  @if (a.party) {
                    <span class="quiet">({{ a.party }})</span>
                  }
                </th>
                <td>
                  @switch (a.role) {
                    @case ('member') {
                      {{ 'minutes.role.member' | transloco }}
                    }
                    @case ('substitute') {
                      {{ 'minutes.role.substituteFor' | transloco: { name: a.meetsForName ?? '' } }}
                      @if (itemNumber(a.onlyItemId); as number) {
                        ({{ 'minutes.attendance.onlyIn' | transloco: { number } }})
                      }
                    }
                    @default {
                      {{ 'minutes.role.officer' | transloco
                      }}<span lang="nb">{{ a.title ? ': ' + a.title : '' }}</span>
                    }
                  }
                </td>
                <td>
                  <span class="ds-tag" [attr.data-color]="a.present ? 'success' : 'warning'">{{
                    (a.present ? 'minutes.attendance.present' : 'minutes.attendance.absent')
                      | transloco
                  }}</span>
                  @if (!a.present && a.absenceReason) {
                    <span lang="nb"> {{ a.absenceReason }}</span>
                  }
                  @if (a.present && (a.fromItemId || a.toItemId || a.arrivedAt || a.leftAt)) {
                    <div class="quiet">{{ span(a) }}</div>
                  }
                </td>
                @if (state.editable()) {
                  <td class="actions">
                    <button
                      type="button"
                      class="ds-button"
                      data-variant="secondary"
                      data-size="sm"
                      [attr.data-testid]="'attendee-edit-' + (a.personId ?? a.id)"
                      (click)="edit.open(a)"
                    >
                      {{ 'minutes.attendance.edit' | transloco
                      }}<span class="ds-sr-only">: {{ a.name }}</span>
                    </button>
                    @if (a.role !== 'member') {
                      <button
                        type="button"
                        class="ds-button"
                        data-variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        (click)="remove(a)"
                      >
                        {{ 'minutes.attendance.remove' | transloco
                        }}<span class="ds-sr-only">: {{ a.name }}</span>
                      </button>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (state.editable()) {
        <div class="row-actions">
          <button
            type="button"
            class="ds-button"
            data-variant="secondary"
            data-testid="add-substitute"
            (click)="openAdd('substitute')"
          >
            {{ 'minutes.attendance.addSubstitute' | transloco }}
          </button>
          <button
            type="button"
            class="ds-button"
            data-variant="secondary"
            data-testid="add-officer"
            (click)="openAdd('officer')"
          >
            {{ 'minutes.attendance.addOfficer' | transloco }}
          </button>
        </div>
      }
      <app-attendee-dialog #edit />
      <app-add-attendee-dialog />
    </section>
  `,
  styleUrl: './minutes.css',
})
export class AttendancePanel {
  protected readonly state = inject(MinutesState);
  private readonly addDialog = viewChild.required(AddAttendeeDialog);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  protected readonly problems = new FormProblems();

  /** Members first, then substitutes, then officers (the protocol's order). */
  protected readonly attendees = computed(() => {
    const order = { member: 0, substitute: 1, officer: 2 } as const;
    return [...(this.state.minutes()?.attendees ?? [])].sort(
      (a, b) => order[a.role] - order[b.role],
    );
  });
  protected readonly counts = computed(() => {
    const all = this.attendees();
    return {
      present: all.filter((a) => a.present && a.role !== 'officer').length,
      absent: all.filter((a) => !a.present).length,
      officers: all.filter((a) => a.role === 'officer').length,
    };
  });

  protected itemNumber(itemId: string | null): string | null {
    return itemId
      ? (this.state.minutes()?.items.find((i) => i.id === itemId)?.number ?? null)
      : null;
  }

  /** "PS 2/27 – PS 5/27, 18:10–20:30" */
  protected span(a: Attendee): string {
    const items = [this.itemNumber(a.fromItemId) ?? '', this.itemNumber(a.toItemId) ?? ''];
    const times = [a.arrivedAt ?? '', a.leftAt ?? ''];
    return [items, times]
      .filter(([from, to]) => from || to)
      .map(([from, to]) => `${from}–${to}`)
      .join(', ');
  }

  protected openAdd(role: AddedRole): void {
    this.addDialog().open(role);
  }

  protected remove(a: Attendee): void {
    void this.state
      .save((api, meetingId) => api.removeAttendee(meetingId, a.id), {
        problems: this.problems,
        doneKey: 'minutes.attendance.removed',
        doneParams: () => ({ name: a.name }),
      })
      .then((saved) => {
        if (saved) this.heading().nativeElement.focus();
      });
  }
}
