import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReviewVote, VoteDecisionInput } from '@sekretariat/contracts';
import {
  ELECTION,
  ELECTION_ID,
  ENVELOPE_VOTE_ID,
  REVIEW_ITEMS,
  SECOND_ENVELOPE_VOTE_ID,
} from '../../../testing/election-fixtures';
import { translocoTesting } from '../../../testing/i18n-testing';
import { apiInterceptor } from '../../core/api/api.interceptor';
import { ReviewPage, decisionInput } from './review-page';

const REVIEW_URL = `/api/elections/${ELECTION_ID}/review`;
const DECISIONS_URL = `${REVIEW_URL}/decisions`;

describe('ReviewPage (prøving)', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ReviewPage>;
  let element: HTMLElement;

  async function open(items: ReviewVote[] = REVIEW_ITEMS): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ReviewPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReviewPage);
    fixture.componentRef.setInput('id', ELECTION_ID);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne('/api/elections').flush({ items: [ELECTION] });
    flushQueue(items);
    await fixture.whenStable();
  }

  function flushQueue(items: ReviewVote[], reason: string | null = null): void {
    const request = http.expectOne((r) => r.url === REVIEW_URL);
    expect(request.request.params.get('reason')).toBe(reason);
    request.flush({ items });
  }

  afterEach(() => {
    http.verify();
  });

  /** Lets a request the page sends while it is not stable (a reload) go out. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }

  const testId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => testId(id)?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  const rows = () => [...element.querySelectorAll<HTMLElement>('[data-testid="review-row"]')];

  async function choose(voteId: string): Promise<void> {
    const box = element.querySelector<HTMLInputElement>(`#review-choose-${voteId}`)!;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  async function chooseGround(ground: string): Promise<void> {
    const select = element.querySelector<HTMLSelectElement>('#reject-ground')!;
    select.value = ground;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  it('lists the received votes: voter, time, place, clerk, reason and the voter’s other votes', async () => {
    await open();
    expect(text('review-election')).toBe(ELECTION.name);
    expect(rows()).toHaveLength(2);
    const [voted, unknown] = rows().map((row) => row.textContent.replace(/\s+/g, ' '));
    expect(voted).toContain('Nora Karlsen');
    expect(voted).toContain('038130*****');
    expect(voted).toContain('Biblioteket');
    expect(voted).toContain('Vera Valgmedarbeider');
    expect(voted).toContain('Har stemt tidligere');
    expect(voted).toContain('Konvolutt K-000124');
    // The earlier, approved vote beside it.
    const other = rows()[0]!.querySelector('[data-testid="review-other-votes"] li');
    expect(other?.getAttribute('data-status')).toBe('approved');
    expect(other?.textContent).toContain('Godkjent');
    expect(other?.textContent).toContain('Servicetorget');
    expect(unknown).toContain('Ikke i manntallet');
    expect(unknown).toContain('Oppgitt kommune 0301');
    // Each checkbox is named by its voter.
    const box = element.querySelector(`#review-choose-${ENVELOPE_VOTE_ID}`);
    expect(box?.getAttribute('aria-labelledby')).toBe(`review-voter-${ENVELOPE_VOTE_ID}`);
  });

  it('approves the chosen votes, and reads the queue again', async () => {
    await open();
    await choose(ENVELOPE_VOTE_ID);
    expect(text('review-approve')).toContain('Godkjenn de valgte (1)');
    testId('review-approve')?.click();
    const request = http.expectOne(DECISIONS_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      voteIds: [ENVELOPE_VOTE_ID],
      decision: 'approve',
      ground: null,
    } satisfies VoteDecisionInput);
    request.flush({ items: [{ ...REVIEW_ITEMS[0], status: 'approved' }] });
    await settle();
    flushQueue([REVIEW_ITEMS[1]!]);
    await fixture.whenStable();
    expect(text('review-done')).toContain('Godkjent: 1');
    expect(rows()).toHaveLength(1);
    expect(text('review-approve')).toContain('(0)');
  });

  it('rejects only with a ground, the same for all chosen', async () => {
    await open();
    const all = element.querySelector<HTMLInputElement>('#review-choose-all')!;
    all.checked = true;
    all.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(text('review-reject')).toContain('Forkast de valgte (2)');

    testId('review-reject')?.click();
    await fixture.whenStable();
    http.expectNone(DECISIONS_URL);
    expect(text('review-errors')).toContain('Velg grunnen til forkastelsen.');
    expect(element.querySelector('#reject-ground')?.getAttribute('aria-invalid')).toBe('true');

    await chooseGround('already_approved');
    testId('review-reject')?.click();
    const request = http.expectOne(DECISIONS_URL);
    expect(request.request.body).toEqual({
      voteIds: [ENVELOPE_VOTE_ID, SECOND_ENVELOPE_VOTE_ID],
      decision: 'reject',
      ground: 'already_approved',
    } satisfies VoteDecisionInput);
    request.flush({ items: REVIEW_ITEMS.map((item) => ({ ...item, status: 'rejected' })) });
    await settle();
    flushQueue([]);
    await fixture.whenStable();
    expect(text('review-done')).toContain(
      'Forkastet: 2 stemmegivning(er), med grunnen «Velgeren har allerede en godkjent stemmegivning».',
    );
    expect(text('review-empty')).toContain('Ingen stemmegivninger venter');
  });

  it('asks to choose a vote first', async () => {
    await open();
    testId('review-approve')?.click();
    await fixture.whenStable();
    http.expectNone(DECISIONS_URL);
    expect(text('review-errors')).toContain('Velg minst én stemmegivning');
  });

  it('shows the API’s refusal, naming the votes already decided', async () => {
    await open();
    await choose(SECOND_ENVELOPE_VOTE_ID);
    await choose(ENVELOPE_VOTE_ID);
    testId('review-approve')?.click();
    const request = http.expectOne(DECISIONS_URL);
    // In the order of the list, whatever the order they were chosen in.
    expect((request.request.body as VoteDecisionInput).voteIds).toEqual([
      ENVELOPE_VOTE_ID,
      SECOND_ENVELOPE_VOTE_ID,
    ]);
    request.flush(
      {
        code: 'VOTE_ALREADY_DECIDED',
        message: 'Én stemmegivning er allerede avgjort.',
        fields: [{ path: 'voteIds.0', message: 'Status: approved' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    flushQueue([REVIEW_ITEMS[1]!]);
    await fixture.whenStable();
    expect(text('review-errors')).toContain('Én stemmegivning er allerede avgjort.');
    expect(text('review-errors')).toContain('Nora Karlsen: Status: approved');
    expect(testId('review-errors')?.querySelector('[lang="nb"]')).not.toBeNull();
    // The one still waiting stays chosen.
    expect(text('review-approve')).toContain('(1)');
  });

  it('shows the API’s words when a voter would be approved twice', async () => {
    await open();
    await choose(ENVELOPE_VOTE_ID);
    testId('review-approve')?.click();
    http.expectOne(DECISIONS_URL).flush(
      {
        code: 'VOTER_ALREADY_APPROVED',
        message: 'En velger kan ha bare én godkjent stemmegivning.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    flushQueue(REVIEW_ITEMS);
    await fixture.whenStable();
    expect(text('review-errors')).toContain('En velger kan ha bare én godkjent stemmegivning.');
  });

  it('shows one envelope reason at a time', async () => {
    await open();
    const select = element.querySelector<HTMLSelectElement>('#review-reason')!;
    select.value = 'already_voted';
    select.dispatchEvent(new Event('change'));
    await settle();
    flushQueue([REVIEW_ITEMS[0]!], 'already_voted');
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
  });

  it('makes a decision body with a ground only for a rejection', () => {
    expect(decisionInput(['a'], 'approve', 'late')).toEqual({
      voteIds: ['a'],
      decision: 'approve',
      ground: null,
    });
    expect(decisionInput(['a', 'b'], 'reject', 'late')).toEqual({
      voteIds: ['a', 'b'],
      decision: 'reject',
      ground: 'late',
    });
  });
});
