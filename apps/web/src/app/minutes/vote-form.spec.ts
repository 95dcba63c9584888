import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Proposal } from '@sekretariat/contracts';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import {
  ANNE,
  BJORN,
  CARL,
  DINA,
  MEETING,
  PROPOSAL_1,
  item,
  minutes,
  proposal,
} from './minutes-fixtures';
import { MinutesState } from './minutes-state';
import { VoteForm } from './vote-form';
import { votersInItem } from './voters';

const VOTE_URL = `/api/meetings/${MEETING}/minutes/proposals/${PROPOSAL_1}/vote`;

/** The answer after a vote: the proposal with its result. */
function voted(result: Proposal['result']) {
  const p = proposal({ outcome: 'voted', result });
  return minutes({ items: [item({ proposals: [p], outcome: 'treated', decision: p.text })] });
}

describe('VoteForm', () => {
  let http: HttpTestingController;
  let state: MinutesState;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [VoteForm, translocoTesting()],
      providers: [
        MinutesState,
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    state = TestBed.inject(MinutesState);
    state.minutes.set(minutes());
  });
  afterEach(() => http.verify());

  async function render(
    p: Proposal = proposal(),
  ): Promise<{ fixture: ComponentFixture<VoteForm>; element: HTMLElement }> {
    const m = minutes();
    const fixture = TestBed.createComponent(VoteForm);
    fixture.componentRef.setInput('proposal', p);
    fixture.componentRef.setInput('voters', votersInItem(m, m.items[0]!));
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve));
  const text = (element: HTMLElement, selector: string) =>
    (element.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const click = (element: HTMLElement, selector: string) =>
    element.querySelector<HTMLElement>(selector)!.click();

  it('records «Enstemmig» at once: voted, with no one against, and shows the sentence from the API', async () => {
    const { fixture, element } = await render();
    click(element, '[data-testid="vote-unanimous"]');
    await settle();
    const request = http.expectOne({ method: 'PUT', url: VOTE_URL });
    expect(request.request.body).toEqual({ outcome: 'voted', againstPersonIds: [] });
    expect(request.request.headers.get('Content-Type')).toBe('application/json');
    const answer = voted({
      for: 4,
      against: 0,
      adopted: true,
      chairDecided: false,
      byParty: [],
      namedFor: [],
      namedAgainst: [],
      sentence: 'Innstillingen ble enstemmig vedtatt.',
    });
    request.flush(answer);
    await settle();
    expect(state.minutes()).toEqual(answer);
    expect(state.announcement()).toMatchObject({
      key: 'minutes.vote.saved',
      params: { ordinal: 1, sentence: 'Innstillingen ble enstemmig vedtatt.' },
    });
    fixture.componentRef.setInput('proposal', answer.items[0]!.proposals[0]);
    await fixture.whenStable();
    expect(text(element, '[data-testid="vote-sentence"]')).toBe(
      'Innstillingen ble enstemmig vedtatt.',
    );
  });

  it('ticks a whole party against at once, single members too, and sends exactly those against', async () => {
    const { fixture, element } = await render();
    const toggle = element.querySelector<HTMLButtonElement>('[data-testid="vote-open"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(text(element, '[data-testid="vote-party-H"] legend')).toBe('H (2)');
    expect(text(element, '[data-testid="vote-tally"]')).toBe('4 for, 0 mot');

    click(element, '[data-testid="vote-party-all-H"]');
    await fixture.whenStable();
    expect(text(element, '[data-testid="vote-tally"]')).toBe('2 for, 2 mot');
    expect(element.querySelector<HTMLInputElement>(`#vote-${PROPOSAL_1}-${CARL}`)!.checked).toBe(
      true,
    );
    expect(element.querySelector<HTMLInputElement>(`#vote-${PROPOSAL_1}-${DINA}`)!.checked).toBe(
      true,
    );

    // Dina voted for after all: the party is split, its box shows that.
    click(element, `#vote-${PROPOSAL_1}-${DINA}`);
    await fixture.whenStable();
    const all = element.querySelector<HTMLInputElement>('[data-testid="vote-party-all-H"]')!;
    expect(all.checked).toBe(false);
    expect(all.indeterminate).toBe(true);
    click(element, `#vote-${PROPOSAL_1}-${ANNE}`);
    await fixture.whenStable();
    expect(text(element, '[data-testid="vote-tally"]')).toBe('2 for, 2 mot');

    click(element, '[data-testid="vote-save"]');
    await settle();
    const request = http.expectOne({ method: 'PUT', url: VOTE_URL });
    expect(request.request.body).toEqual({ outcome: 'voted', againstPersonIds: [ANNE, CARL] });
    request.flush(
      voted({
        for: 2,
        against: 2,
        adopted: true,
        chairDecided: true,
        byParty: [
          { party: 'Ap', for: 1, against: 1 },
          { party: 'H', for: 1, against: 1 },
        ],
        namedFor: ['Bjørn Bø (Ap)', 'Dina Dø (H)'],
        namedAgainst: ['Anne Ås (Ap)', 'Carl Cø (H)'],
        sentence: 'Innstillingen ble vedtatt med 2 mot 2 stemmer.',
      }),
    );
    await settle();
    await fixture.whenStable();
    // Saved: the form closes and focus goes back to the button that opened it.
    expect(element.querySelector('[data-testid="vote-save"]')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('starts a change from who voted against before (whole parties and named members)', async () => {
    const { fixture, element } = await render(
      proposal({
        outcome: 'voted',
        result: {
          for: 1,
          against: 3,
          adopted: false,
          chairDecided: false,
          byParty: [
            { party: 'Ap', for: 1, against: 1 },
            { party: 'H', for: 0, against: 2 },
          ],
          namedFor: ['Anne Ås (Ap)'],
          namedAgainst: ['Bjørn Bø (Ap)'],
          sentence: 'Innstillingen falt med 1 mot 3 stemmer.',
        },
      }),
    );
    click(element, '[data-testid="vote-open"]');
    await fixture.whenStable();
    const checked = (id: string) =>
      element.querySelector<HTMLInputElement>(`#vote-${PROPOSAL_1}-${id}`)!.checked;
    expect([checked(ANNE), checked(BJORN), checked(CARL), checked(DINA)]).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(text(element, '[data-testid="vote-tally"]')).toBe('1 for, 3 mot');
  });

  it('records a withdrawn proposal, and shows the API’s refusal where the vote was made', async () => {
    const { fixture, element } = await render();
    click(element, '[data-testid="vote-withdrawn"]');
    await settle();
    const withdrawn = http.expectOne({ method: 'PUT', url: VOTE_URL });
    expect(withdrawn.request.body).toEqual({ outcome: 'withdrawn', againstPersonIds: [] });
    withdrawn.flush(minutes());
    await settle();
    expect(state.announcement()?.key).toBe('minutes.vote.saved_withdrawn');

    click(element, '[data-testid="vote-unanimous"]');
    await settle();
    http.expectOne({ method: 'PUT', url: VOTE_URL }).flush(
      {
        code: 'NOT_QUORATE',
        message:
          'Organet er ikke vedtaksført i saken: mindre enn halvparten av medlemmene er til stede (koml. § 11-9).',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    await fixture.whenStable();
    expect(text(element, `[data-testid="vote-errors-${PROPOSAL_1}"]`)).toContain(
      'Organet er ikke vedtaksført i saken',
    );
  });
});
