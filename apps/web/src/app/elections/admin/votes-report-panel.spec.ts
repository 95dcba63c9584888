import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { VotesReport } from '@sekretariat/contracts';
import { ELECTION_ID, reportOf } from '../../../testing/election-fixtures';
import { translocoTesting } from '../../../testing/i18n-testing';
import { apiInterceptor } from '../../core/api/api.interceptor';
import { VotesReportPanel, reportTotals } from './votes-report-panel';

const REPORT: VotesReport = {
  ...reportOf([
    { approved: 10, received: 2, rejected: 1, cancelled: 1, envelopes: 4 },
    { kind: 'early', approved: 0, received: 3, envelopes: 3 },
  ]),
  awaiting: [
    { reason: 'early_vote', count: 3 },
    { reason: 'already_voted', count: 2 },
  ],
  rejected: [{ reason: 'Velgeren har allerede en godkjent stemmegivning', count: 1 }],
};

describe('VotesReportPanel', () => {
  let http: HttpTestingController | undefined;
  let fixture: ComponentFixture<VotesReportPanel>;
  let element: HTMLElement;

  async function open(board: boolean): Promise<void> {
    TestBed.configureTestingModule({
      imports: [VotesReportPanel, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(VotesReportPanel);
    fixture.componentRef.setInput('electionId', ELECTION_ID);
    fixture.componentRef.setInput('board', board);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne(`/api/elections/${ELECTION_ID}/report`).flush(REPORT);
    await fixture.whenStable();
  }

  afterEach(() => {
    http?.verify();
  });

  const cells = (selector: string) =>
    [...element.querySelectorAll(selector)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());

  it('adds up received, approved, rejected, cancelled and envelopes', () => {
    expect(reportTotals(REPORT)).toEqual({
      received: 5,
      approved: 10,
      rejected: 1,
      cancelled: 1,
      envelopes: 7,
    });
  });

  it('shows the totals, a column for each status, and what waits for prøving', async () => {
    await open(false);
    expect(cells('[data-testid="report-totals"] dt')).toEqual([
      'Mottatt, venter',
      'Godkjent',
      'Forkastet',
      'Annullert',
      'Omslagskonvolutter',
    ]);
    expect(cells('[data-testid="report-totals"] dd')).toEqual(['5', '10', '1', '1', '7']);
    expect(cells('[data-testid="report-days"] thead th').slice(3)).toEqual([
      'Mottatt, venter',
      'Godkjent',
      'Forkastet',
      'Annullert',
      'Omslagskonvolutter',
    ]);
    expect(cells('[data-testid="report-days"] tbody tr:first-child td').slice(3)).toEqual([
      '2',
      '10',
      '1',
      '1',
      '4',
    ]);
    expect(cells('[data-testid="report-awaiting"] tbody tr')).toEqual([
      'Tidligstemme 3',
      'Har stemt tidligere 2',
    ]);
    expect(element.querySelector('[data-testid="report-awaiting"] a')).toBeNull();
  });

  it('links the board from what waits to the prøving of that reason', async () => {
    await open(true);
    const link = element.querySelector<HTMLAnchorElement>('[data-testid="report-awaiting"] a');
    expect(link?.getAttribute('href')).toBe(`/valg/${ELECTION_ID}/proving?reason=early_vote`);
  });
});
