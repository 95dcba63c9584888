import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type {
  AgendaItem,
  MeetingDetail,
  PublicAgendaItemDetail,
  PublicCaseDetail,
  SearchResponse,
} from '@sekretariat/contracts';
import { BODY_ID, MUNICIPALITY } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { CalendarPage } from './calendar-page';
import { CasePage } from './case-page';
import { ItemPage } from './item-page';
import { MeetingPage } from './meeting-page';
import { SearchPage } from './search-page';

const MEETING_ID = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const OPEN_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CLOSED_ID = '8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CASE_ID = '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const item = (over: Partial<AgendaItem>): AgendaItem => ({
  id: OPEN_ID,
  type: 'PS',
  number: 'PS 1/27',
  position: 1,
  title: 'Ny barnehage på Fjordvik',
  closed: false,
  legalGround: null,
  citation: null,
  videoStartSeconds: null,
  case: null,
  recommendation: '',
  decision: '',
  askerPersonId: null,
  askerName: null,
  ...over,
});

const CASE = {
  id: CASE_ID,
  archiveReference: '27/101',
  title: 'Ny barnehage på Fjordvik',
  caseOfficer: 'Kari Saksbehandler',
  summary: 'Kort om saken.',
  background: 'Bakgrunnen.',
  assessment: 'Vurderingen.',
  recommendation: 'Planen vedtas.',
  public: true,
  legalGround: null,
  citation: null,
};

const MEETING: MeetingDetail = {
  id: MEETING_ID,
  bodyId: BODY_ID,
  bodyName: 'Kommunestyret',
  startsAt: '2027-02-11T17:00:00.000Z',
  endsAt: null,
  place: 'Rådhuset',
  remote: false,
  status: 'minutes_approved',
  videoUrl: 'https://video.example/ks',
  items: [
    item({ case: CASE, videoStartSeconds: 125 }),
    item({
      id: CLOSED_ID,
      number: 'PS 2/27',
      position: 2,
      title: 'Unntatt offentlighet',
      closed: true,
      legalGround: 'koml11-5-2b',
      citation: 'koml. § 11-5 annet ledd bokstav b',
    }),
  ],
};

describe('the public pages', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user: null });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
  });

  afterEach(() => {
    http.verify();
  });

  it('shows the notice: an open item links to its case, a closed one only by number and ground', async () => {
    const fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('meetingId', MEETING_ID);
    TestBed.tick();
    http.expectOne(`/api/public/eksempel/meetings/${MEETING_ID}`).flush(MEETING);
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http
      .expectOne(`/api/public/eksempel/meetings/${MEETING_ID}/protocol`)
      .flush({ protocol: null });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('h1')?.textContent).toContain('Kommunestyret');
    expect(element.querySelector('[data-testid="protocol"]')).toBeNull();
    expect(element.textContent).toContain('torsdag 11. februar 2027');
    expect(element.textContent).toContain('18:00');
    const [open, closed] = [...element.querySelectorAll('[data-testid="agenda-item"]')];
    expect(open?.querySelector('h3 a')?.getAttribute('href')).toBe(
      `/motekalender/${MEETING_ID}/sak/${OPEN_ID}`,
    );
    const debate = [...(open?.querySelectorAll('a') ?? [])].find((a) =>
      a.textContent.includes('Se debatten'),
    );
    expect(debate?.getAttribute('href')).toBe('https://video.example/ks#t=125');
    expect(closed?.querySelector('a')).toBeNull();
    expect(closed?.textContent).toContain('Unntatt offentlighet');
    expect(closed?.textContent).toContain('Hjemmel: koml. § 11-5 annet ledd bokstav b');
    expect(element.querySelector('[data-testid="notice-pdf"]')?.getAttribute('href')).toBe(
      `/api/public/eksempel/meetings/${MEETING_ID}/notice.pdf`,
    );
    expect(element.querySelector('[data-testid="papers-pdf"]')?.getAttribute('href')).toBe(
      `/api/public/eksempel/meetings/${MEETING_ID}/papers.pdf`,
    );
    expect(element.querySelector('[data-testid="minutes-approved"]')?.textContent).toContain(
      'Protokoll godkjent',
    );
  });

  it('links the approved protocol as PDF and open data, with its date and whether it was corrected', async () => {
    const fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('meetingId', MEETING_ID);
    TestBed.tick();
    http.expectOne(`/api/public/eksempel/meetings/${MEETING_ID}`).flush(MEETING);
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http
      .expectOne(`/api/public/eksempel/meetings/${MEETING_ID}/protocol`)
      .flush({ protocol: { version: 2, approvedAt: '2027-03-01T09:00:00.000Z', corrected: true } });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    const section = element.querySelector('[data-testid="protocol"]');
    expect(section?.querySelector('h2')?.textContent).toContain('Protokoll');
    expect(section?.querySelector('[data-testid="protocol-approved"]')?.textContent).toContain(
      'Protokollen ble godkjent mandag 1. mars 2027',
    );
    expect(section?.querySelector('[data-testid="protocol-corrected"]')?.textContent).toContain(
      'Rettet (versjon 2)',
    );
    expect(section?.querySelector('[data-testid="protocol-pdf"]')?.getAttribute('href')).toBe(
      `/api/public/eksempel/meetings/${MEETING_ID}/protocol.pdf`,
    );
    expect(section?.querySelector('[data-testid="protocol-json"]')?.getAttribute('href')).toBe(
      `/api/public/eksempel/meetings/${MEETING_ID}/protocol.json`,
    );
  });

  it('does not ask for a protocol before the meeting’s protocol is approved', async () => {
    const fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('meetingId', MEETING_ID);
    TestBed.tick();
    http
      .expectOne(`/api/public/eksempel/meetings/${MEETING_ID}`)
      .flush({ ...MEETING, status: 'notice_sent' });
    await fixture.whenStable();
    http.expectNone(`/api/public/eksempel/meetings/${MEETING_ID}/protocol`);
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="protocol"]'),
    ).toBeNull();
  });

  it('shows the short summary before the rest of the case presentation', async () => {
    const detail: PublicAgendaItemDetail = {
      meeting: MEETING,
      item: MEETING.items[0]!,
      documents: [
        {
          id: CLOSED_ID,
          caseId: CASE_ID,
          title: 'Planbeskrivelse',
          filename: 'plan.pdf',
          contentType: 'application/pdf',
          size: 20480,
          public: true,
          legalGround: null,
          citation: null,
          position: 0,
        },
      ],
    };
    const fixture = TestBed.createComponent(ItemPage);
    fixture.componentRef.setInput('meetingId', MEETING_ID);
    fixture.componentRef.setInput('itemId', OPEN_ID);
    TestBed.tick();
    http.expectOne(`/api/public/eksempel/meetings/${MEETING_ID}/items/${OPEN_ID}`).flush(detail);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    const headings = [...element.querySelectorAll('h2')].map((h) => h.textContent.trim());
    expect(headings).toEqual([
      'Kort sammendrag',
      'Bakgrunn',
      'Vurdering',
      'Innstilling',
      'Dokumenter',
    ]);
    const link = element.querySelector<HTMLAnchorElement>('[data-testid="documents"] a');
    expect(link?.getAttribute('href')).toBe(`/api/public/eksempel/documents/${CLOSED_ID}/content`);
    expect(link?.textContent).toContain('(PDF, 20 kB)');
    // The item starts 2:05 into the meeting's video: the link opens it there.
    const debate = element.querySelector<HTMLAnchorElement>('[data-testid="watch-debate"]');
    expect(debate?.getAttribute('href')).toBe('https://video.example/ks#t=125');
    expect(debate?.textContent).toContain('Se debatten (2:05)');
  });

  it('has no video link for an item without a start time', async () => {
    const fixture = TestBed.createComponent(ItemPage);
    fixture.componentRef.setInput('meetingId', MEETING_ID);
    fixture.componentRef.setInput('itemId', OPEN_ID);
    TestBed.tick();
    http
      .expectOne(`/api/public/eksempel/meetings/${MEETING_ID}/items/${OPEN_ID}`)
      .flush({
        meeting: MEETING,
        item: { ...MEETING.items[0]!, videoStartSeconds: null },
        documents: [],
      });
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="watch-debate"]'),
    ).toBeNull();
  });

  it('copies the calendar address to subscribe to, and says so in a live region', async () => {
    const written: string[] = [];
    let refuse = false;
    const writeText = (text: string): Promise<void> => {
      written.push(text);
      return refuse ? Promise.reject(new Error('denied')) : Promise.resolve();
    };
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      const fixture = TestBed.createComponent(CalendarPage);
      TestBed.tick();
      http.expectOne('/api/public/eksempel/bodies').flush({ items: [] });
      http.expectOne('/api/public/eksempel/meetings/years').flush({ years: [] });
      http.expectOne((r) => r.url === '/api/public/eksempel/meetings').flush({ items: [] });
      await fixture.whenStable();
      const element = fixture.nativeElement as HTMLElement;
      // No body chosen: the calendar of all bodies.
      expect(element.querySelector('[data-testid="feed-name"]')?.textContent).toContain(
        'Kalender for alle organer',
      );
      const address = 'webcal://localhost/api/public/eksempel/calendar.ics';
      expect(element.querySelector('[data-testid="subscribe-link"]')?.getAttribute('href')).toBe(
        address,
      );
      const status = element.querySelector('[data-testid="copy-status"]')!;
      expect(status.getAttribute('role')).toBe('status');
      expect(status.textContent.trim()).toBe('');

      element.querySelector<HTMLButtonElement>('[data-testid="copy-feed"]')!.click();
      await fixture.whenStable();
      expect(written).toEqual([address]);
      expect(status.textContent).toContain('Adressen er kopiert.');

      refuse = true;
      element.querySelector<HTMLButtonElement>('[data-testid="copy-feed"]')!.click();
      await fixture.whenStable();
      expect(status.textContent).toContain('Adressen kunne ikke kopieres.');
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('reads the archive year and body from the address, and asks again when the body changes', async () => {
    const fixture = TestBed.createComponent(CalendarPage);
    fixture.componentRef.setInput('aar', '2025');
    fixture.componentRef.setInput('organ', BODY_ID);
    TestBed.tick();
    http.expectOne('/api/public/eksempel/bodies').flush({
      items: [
        {
          id: BODY_ID,
          name: 'Kommunestyret',
          kind: 'kommunestyre',
          seats: 27,
          termFrom: '2023-10-01',
          termTo: '2027-09-30',
          memberCount: 27,
        },
      ],
    });
    http.expectOne('/api/public/eksempel/meetings/years').flush({ years: [2026, 2025] });
    http
      .expectOne(
        (r) =>
          r.url === '/api/public/eksempel/meetings' &&
          r.params.get('year') === '2025' &&
          r.params.get('bodyId') === BODY_ID,
      )
      .flush({ items: [MEETING] });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('#meetings-heading')?.textContent).toContain('Møter i 2025');
    expect(element.querySelector<HTMLSelectElement>('#calendar-period')?.value).toBe('2025');
    expect(element.querySelector<HTMLSelectElement>('#calendar-body')?.value).toBe(BODY_ID);
    expect(element.querySelector('[data-testid="meeting-count"]')?.textContent).toContain(
      'Antall møter i Kommunestyret: 1',
    );
    // The chosen body's calendar to subscribe to (webcal), and its one-time download.
    expect(element.querySelector('[data-testid="feed-name"]')?.textContent).toContain(
      'Kalender for Kommunestyret',
    );
    expect(element.querySelector('[data-testid="subscribe-link"]')?.getAttribute('href')).toBe(
      `webcal://localhost/api/public/eksempel/bodies/${BODY_ID}/meetings.ics`,
    );
    expect(element.querySelector<HTMLInputElement>('[data-testid="feed-address"]')?.value).toBe(
      `webcal://localhost/api/public/eksempel/bodies/${BODY_ID}/meetings.ics`,
    );
    expect(element.querySelector('[data-testid="download-feed"]')?.getAttribute('href')).toBe(
      `/api/public/eksempel/bodies/${BODY_ID}/meetings.ics`,
    );

    const body = element.querySelector<HTMLSelectElement>('#calendar-body')!;
    body.value = '';
    body.dispatchEvent(new Event('change'));
    TestBed.tick();
    http
      .expectOne(
        (r) =>
          r.url === '/api/public/eksempel/meetings' &&
          r.params.get('year') === '2025' &&
          !r.params.has('bodyId'),
      )
      .flush({ items: [] });
  });

  it('renders search snippets as text, marking the matched words', async () => {
    const results: SearchResponse = {
      total: 1,
      items: [
        {
          kind: 'case',
          id: CASE_ID,
          caseId: CASE_ID,
          title: 'Ny barnehage',
          caseTitle: 'Ny barnehage',
          archiveReference: '27/101',
          public: true,
          rank: 1,
          snippet: [
            { text: '<img src=x onerror=alert(1)> om ', mark: false },
            { text: 'barnehage', mark: true },
          ],
        },
      ],
    };
    const fixture = TestBed.createComponent(SearchPage);
    fixture.componentRef.setInput('q', 'barnehage');
    fixture.componentRef.setInput('organ', BODY_ID);
    TestBed.tick();
    http.expectOne('/api/public/eksempel/bodies').flush({ items: [] });
    const request = http.expectOne((r) => r.url === '/api/public/eksempel/search');
    expect(request.request.params.get('bodyId')).toBe(BODY_ID);
    request.flush(results);
    await fixture.whenStable();
    const snippet = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="snippet"]');
    expect(snippet?.querySelector('img')).toBeNull();
    expect(snippet?.textContent).toContain('<img src=x onerror=alert(1)> om');
    expect(snippet?.querySelector('mark')?.textContent).toBe('barnehage');
    const status = (fixture.nativeElement as HTMLElement).querySelector('[role="status"]');
    expect(status?.textContent).toContain('1 treff på «barnehage»');
  });

  it('shows the case page: the title as h1, archive reference, summary, documents and saksgang', async () => {
    const detail: PublicCaseDetail = {
      id: CASE_ID,
      title: 'Ny barnehage på Fjordvik',
      archiveReference: '27/101',
      summary: 'Kort om saken.',
      documents: [
        {
          id: OPEN_ID,
          caseId: CASE_ID,
          title: 'Saksutredning',
          filename: 'u.pdf',
          contentType: 'application/pdf',
          size: 10,
          public: true,
          legalGround: null,
          citation: null,
          position: 0,
        },
      ],
      steps: [
        {
          meetingId: MEETING_ID,
          itemId: OPEN_ID,
          bodyName: 'Formannskapet',
          startsAt: '2027-01-14T17:00:00.000Z',
          number: 'PS 3/27',
          recommendation: 'Formannskapet innstiller: Planen vedtas.',
          decision: '',
        },
        {
          meetingId: MEETING_ID,
          itemId: CLOSED_ID,
          bodyName: 'Kommunestyret',
          startsAt: '2027-02-11T17:00:00.000Z',
          number: 'PS 9/27',
          recommendation: '',
          decision: 'Planen vedtas.',
        },
      ],
    };
    const fixture = TestBed.createComponent(CasePage);
    fixture.componentRef.setInput('caseId', CASE_ID);
    TestBed.tick();
    const element = fixture.nativeElement as HTMLElement;
    // The h1 is there while loading, so focus moved to it stays on it.
    const heading = element.querySelector('h1')!;
    expect(heading.textContent).toContain('Sak');
    http.expectOne(`/api/public/eksempel/cases/${CASE_ID}`).flush(detail);
    await fixture.whenStable();
    expect(element.querySelector('h1')).toBe(heading);
    expect(heading.textContent).toContain('Ny barnehage på Fjordvik');
    expect(element.querySelector('[data-testid="case-archive-reference"]')?.textContent).toContain(
      '27/101',
    );
    expect(element.textContent).toContain('Kort om saken.');
    expect(element.querySelector('[data-testid="case-documents"] a')?.getAttribute('href')).toBe(
      `/api/public/eksempel/documents/${OPEN_ID}/content`,
    );
    const steps = element.querySelectorAll('[data-testid="case-step"]');
    expect(steps).toHaveLength(2);
    expect(steps[0]?.textContent).toContain('Formannskapet');
    expect(steps[0]?.textContent).toContain('PS 3/27');
    expect(steps[0]?.textContent).toContain('Ikke vedtatt ennå.');
    expect(steps[1]?.querySelector('[data-testid="case-step-decision"]')?.textContent).toContain(
      'Planen vedtas.',
    );
    expect(steps[1]?.querySelector('a')?.getAttribute('href')).toBe(
      `/motekalender/${MEETING_ID}/sak/${CLOSED_ID}`,
    );
  });
});
