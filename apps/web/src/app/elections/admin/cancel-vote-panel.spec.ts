import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { RegisteredVote, ReviewVote } from '@sekretariat/contracts';
import {
  APPROVED_VOTE,
  ELECTION_ID,
  REVIEW_ITEMS,
  VOTE_ID,
} from '../../../testing/election-fixtures';
import { translocoTesting } from '../../../testing/i18n-testing';
import { apiInterceptor } from '../../core/api/api.interceptor';
import { CancelVotePanel } from './cancel-vote-panel';

const SEARCH_URL = `/api/elections/${ELECTION_ID}/votes/search`;
const CANCEL_URL = `/api/votes/${VOTE_ID}/cancel`;

/** Nora's votes: the approved one, and one rejected in prøving. */
const NORA: ReviewVote[] = [
  {
    ...REVIEW_ITEMS[0]!,
    ...APPROVED_VOTE,
    otherVotes: [],
  },
  {
    ...REVIEW_ITEMS[0]!,
    status: 'rejected',
    rejectGround: 'already_approved',
    otherVotes: [APPROVED_VOTE],
  },
];

describe('CancelVotePanel', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CancelVotePanel>;
  let element: HTMLElement;
  let cancelled: RegisteredVote[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CancelVotePanel, translocoTesting()],
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CancelVotePanel);
    fixture.componentRef.setInput('electionId', ELECTION_ID);
    cancelled = [];
    fixture.componentInstance.cancelled.subscribe((vote) => cancelled.push(vote));
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  const testId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => testId(id)?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  const dialog = () => testId('cancel-dialog') as HTMLDialogElement;

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }

  async function fill(id: string, value: string): Promise<void> {
    const field = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function search(q: string, items: ReviewVote[]): Promise<void> {
    await fill('cancel-search', q);
    testId('cancel-search-submit')?.click();
    await settle();
    const request = http.expectOne((r) => r.url === SEARCH_URL);
    expect(request.request.params.get('q')).toBe(q);
    request.flush({ items });
    await fixture.whenStable();
  }

  it('asks for at least two characters', async () => {
    await fill('cancel-search', 'N');
    testId('cancel-search-submit')?.click();
    await fixture.whenStable();
    expect(element.querySelector('#cancel-search-error')?.textContent).toContain(
      'Skriv minst to tegn.',
    );
    http.expectNone((r) => r.url === SEARCH_URL);
  });

  it('shows whose votes were found: time, place, clerk and status', async () => {
    await search('Nora Karlsen', NORA);
    const rows = [...element.querySelectorAll('[data-testid="cancel-row"]')];
    expect(rows.map((row) => row.getAttribute('data-status'))).toEqual(['approved', 'rejected']);
    const first = rows[0]!.textContent.replace(/\s+/g, ' ');
    expect(first).toContain('Nora Karlsen');
    expect(first).toContain('Servicetorget');
    expect(first).toContain('Vera Valgmedarbeider');
    expect(first).toContain('Godkjent');
    expect(rows[1]!.textContent).toContain('Velgeren har allerede en godkjent stemmegivning');
    // Only a vote still received or approved can be cancelled.
    expect(rows[0]!.querySelector('[data-testid="cancel-choose"]')).not.toBeNull();
    expect(rows[1]!.querySelector('[data-testid="cancel-choose"]')).toBeNull();
  });

  it('says when nothing was found', async () => {
    await search('03813000058', []);
    expect(text('cancel-no-results')).toContain('Fant ingen stemmegivninger');
  });

  it('cancels a vote after a confirmation with a reason', async () => {
    await search('Nora', NORA);
    testId('cancel-choose')?.click();
    await fixture.whenStable();
    expect(dialog().hasAttribute('open')).toBe(true);
    expect(text('cancel-summary')).toContain('Nora Karlsen');
    expect(text('cancel-summary')).toContain('Servicetorget');
    expect(text('cancel-summary')).toContain('Vera Valgmedarbeider');

    testId('cancel-submit')?.click();
    await fixture.whenStable();
    http.expectNone(CANCEL_URL);
    expect(text('cancel-errors')).toContain('Skriv en grunn');

    await fill('cancel-reason', 'Registrert på feil velger');
    testId('cancel-submit')?.click();
    const request = http.expectOne(CANCEL_URL);
    expect(request.request.body).toEqual({ reason: 'Registrert på feil velger' });
    request.flush({ ...APPROVED_VOTE, status: 'cancelled' });
    await settle();
    http
      .expectOne((r) => r.url === SEARCH_URL)
      .flush({
        items: [{ ...NORA[0], status: 'cancelled' }, NORA[1]],
      });
    await fixture.whenStable();
    expect(dialog().hasAttribute('open')).toBe(false);
    expect(text('cancel-done')).toContain('Stemmegivningen til Nora Karlsen');
    expect(text('cancel-done')).toContain('Servicetorget');
    expect(cancelled.map((vote) => vote.status)).toEqual(['cancelled']);
    expect(element.querySelector('[data-testid="cancel-row"]')?.getAttribute('data-status')).toBe(
      'cancelled',
    );
  });

  it('keeps the vote when the board goes back', async () => {
    await search('Nora', NORA);
    testId('cancel-choose')?.click();
    await fixture.whenStable();
    testId('cancel-abort')?.click();
    await fixture.whenStable();
    expect(dialog().hasAttribute('open')).toBe(false);
    http.expectNone(CANCEL_URL);
    expect(cancelled).toEqual([]);
  });

  it('shows the API’s words when the vote is no longer active', async () => {
    await search('Nora', NORA);
    testId('cancel-choose')?.click();
    await fixture.whenStable();
    await fill('cancel-reason', 'Feil velger');
    testId('cancel-submit')?.click();
    http.expectOne(CANCEL_URL).flush(
      {
        code: 'VOTE_NOT_ACTIVE',
        message: 'Stemmegivningen er allerede annullert eller forkastet.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(text('cancel-errors')).toContain('allerede annullert eller forkastet');
  });
});
