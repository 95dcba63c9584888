import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DISQUALIFICATION_CITATIONS,
  DISQUALIFICATION_GROUNDS,
  type Disqualification,
  type DisqualificationGround,
  type DisqualificationInput,
  type MinutesItem,
} from '@sekretariat/contracts';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { FormProblems } from '../shared/form-problems';
import { valueOf } from './minutes-format';
import { MinutesState } from './minutes-state';
import { type Voter, voterLabel } from './voters';

/**
 * The body's rulings on disqualification in an item (fvl. § 6), recorded before its votes: the
 * member, the ground with its citation, whether the member was found disqualified, a note.
 */
@Component({
  selector: 'app-disqualifications',
  imports: [TranslocoPipe, ErrorSummary, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="block"
      [attr.aria-labelledby]="prefix() + '-heading'"
      data-testid="disqualifications"
    >
      <h4 #heading class="ds-heading" data-size="xs" tabindex="-1" [id]="prefix() + '-heading'">
        {{ 'minutes.disq.heading' | transloco }}
      </h4>
      @if (item().disqualifications.length === 0) {
        <p class="ds-paragraph">{{ 'minutes.disq.none' | transloco }}</p>
      } @else {
        <ul class="plain">
          @for (d of item().disqualifications; track d.id) {
            <li class="card" [attr.data-testid]="'disq-' + d.personId">
              <p class="ds-paragraph">
                <strong>{{ d.name }}</strong> –
                {{ (d.disqualified ? 'minutes.disq.yes' : 'minutes.disq.no') | transloco }}
                (<span lang="nb">{{ d.citation }}</span
                >)
              </p>
              @if (d.note) {
                <p class="ds-paragraph" data-size="sm" lang="nb">{{ d.note }}</p>
              }
              @if (state.editable()) {
                <button
                  type="button"
                  class="ds-button"
                  data-variant="tertiary"
                  data-color="danger"
                  data-size="sm"
                  (click)="remove(d)"
                >
                  {{ 'minutes.disq.remove' | transloco
                  }}<span class="ds-sr-only">: {{ d.name }}</span>
                </button>
              }
            </li>
          }
        </ul>
      }
      @if (state.editable()) {
        <form
          class="form"
          novalidate
          (submit)="add($event)"
          [attr.aria-labelledby]="prefix() + '-add'"
        >
          <h5 class="ds-heading" data-size="2xs" [id]="prefix() + '-add'">
            {{ 'minutes.disq.add' | transloco }}
          </h5>
          <app-error-summary [problems]="problems" />
          <div class="fields">
            <div class="ds-field">
              <label class="ds-label" [for]="prefix() + '-person'">{{
                'minutes.disq.person' | transloco
              }}</label>
              <select
                class="ds-input"
                [id]="prefix() + '-person'"
                [value]="personId()"
                (change)="personId.set(value($event))"
                [attr.aria-invalid]="problems.for(prefix() + '-person') ? true : null"
                [attr.aria-describedby]="problems.describedBy(prefix() + '-person')"
              >
                <option value="" [selected]="!personId()">
                  {{ 'minutes.disq.choosePerson' | transloco }}
                </option>
                @for (v of members(); track v.personId) {
                  <option [value]="v.personId" [selected]="v.personId === personId()">
                    {{ label(v) }}
                  </option>
                }
              </select>
              <app-field-error [problems]="problems" [field]="prefix() + '-person'" />
            </div>
            <div class="ds-field">
              <label class="ds-label" [for]="prefix() + '-ground'">{{
                'minutes.disq.ground' | transloco
              }}</label>
              <select
                class="ds-input"
                [id]="prefix() + '-ground'"
                [value]="ground()"
                (change)="setGround($event)"
              >
                @for (g of grounds; track g) {
                  <option [value]="g" [selected]="g === ground()">
                    {{ citations[g] }} – {{ 'minutes.ground.' + g | transloco }}
                  </option>
                }
              </select>
            </div>
          </div>
          <fieldset class="ds-fieldset">
            <legend class="ds-label">{{ 'minutes.disq.ruling' | transloco }}</legend>
            <div class="ds-field">
              <input
                class="ds-input"
                type="radio"
                [id]="prefix() + '-yes'"
                [name]="prefix() + '-ruling'"
                [checked]="disqualified()"
                (change)="disqualified.set(true)"
              />
              <label class="ds-label" [for]="prefix() + '-yes'">{{
                'minutes.disq.yes' | transloco
              }}</label>
            </div>
            <div class="ds-field">
              <input
                class="ds-input"
                type="radio"
                [id]="prefix() + '-no'"
                [name]="prefix() + '-ruling'"
                [checked]="!disqualified()"
                (change)="disqualified.set(false)"
              />
              <label class="ds-label" [for]="prefix() + '-no'">{{
                'minutes.disq.no' | transloco
              }}</label>
            </div>
          </fieldset>
          <div class="ds-field">
            <label class="ds-label" [for]="prefix() + '-note'">{{
              'minutes.disq.note' | transloco
            }}</label>
            <textarea
              class="ds-input"
              rows="2"
              maxlength="2000"
              [id]="prefix() + '-note'"
              [value]="note()"
              (input)="note.set(value($event))"
            ></textarea>
          </div>
          <button
            type="submit"
            class="ds-button"
            data-variant="secondary"
            data-testid="disq-add"
            [attr.aria-busy]="state.saving() || null"
          >
            {{ 'minutes.disq.addSubmit' | transloco }}
          </button>
        </form>
      }
    </section>
  `,
  styleUrl: './minutes.css',
})
export class Disqualifications {
  protected readonly state = inject(MinutesState);

  readonly item = input.required<MinutesItem>();
  /** Members and substitutes in the meeting. */
  readonly members = input.required<readonly Voter[]>();

  protected readonly grounds = DISQUALIFICATION_GROUNDS;
  protected readonly citations = DISQUALIFICATION_CITATIONS;
  protected readonly prefix = computed(() => `disq-${this.item().id}`);
  protected readonly personId = signal('');
  protected readonly ground = signal<DisqualificationGround>('fvl6-2');
  protected readonly disqualified = signal(true);
  protected readonly note = signal('');
  protected readonly problems = new FormProblems();
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly label = voterLabel;
  protected readonly value = valueOf;

  protected setGround(event: Event): void {
    const ground = this.grounds.find((g) => g === valueOf(event));
    if (ground) this.ground.set(ground);
  }

  protected add(event: Event): void {
    event.preventDefault();
    const prefix = this.prefix();
    if (!this.personId()) {
      this.problems.set([{ field: `${prefix}-person`, messageKey: 'minutes.disq.personRequired' }]);
      return;
    }
    const input: DisqualificationInput = {
      personId: this.personId(),
      ground: this.ground(),
      disqualified: this.disqualified(),
      note: this.note().trim(),
    };
    const itemId = this.item().id;
    void this.state
      .save((api, meetingId) => api.disqualify(meetingId, itemId, input), {
        problems: this.problems,
        fieldIds: { personId: `${prefix}-person` },
        doneKey: 'minutes.disq.added',
      })
      .then((saved) => {
        if (!saved) return;
        this.personId.set('');
        this.note.set('');
      });
  }

  protected remove(d: Disqualification): void {
    void this.state
      .save((api, meetingId) => api.removeDisqualification(meetingId, d.id), {
        problems: this.problems,
        doneKey: 'minutes.disq.removed',
        doneParams: () => ({ name: d.name }),
      })
      .then((saved) => {
        // Its button is gone: go on from the heading.
        if (saved) this.heading().nativeElement.focus();
      });
  }
}
