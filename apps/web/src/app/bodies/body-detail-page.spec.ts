import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { provideRouter } from '@angular/router';
import type { SessionUser } from '@sekretariat/contracts';
import {
  BODY_ID,
  MUNICIPALITY,
  OFFICIAL_USER,
  SECRETARIAT_USER,
  bodyDetail,
  bodyHistory,
  bodyOverview,
} from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { BodyDetailPage } from './body-detail-page';

describe('BodyDetailPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [BodyDetailPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  async function signIn(user: SessionUser | null): Promise<void> {
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
  }

  function render(id: string): ComponentFixture<BodyDetailPage> {
    const fixture = TestBed.createComponent(BodyDetailPage);
    fixture.componentRef.setInput('id', id);
    // Not whenStable(): the page stays unstable while its data request is open.
    TestBed.tick();
    return fixture;
  }

  function rows(element: HTMLElement, testId: string): string[][] {
    return [...element.querySelectorAll(`[data-testid="${testId}"] tbody tr`)].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim()),
    );
  }

  function flushStaffData(overview = bodyOverview()): void {
    http.expectOne(`/api/bodies/${BODY_ID}/overview`).flush(overview);
    http.expectOne(`/api/bodies/${BODY_ID}/history`).flush(bodyHistory());
  }

  /** The controls only editors get. */
  function editorTools(element: HTMLElement): string[] {
    return [
      '[data-testid="edit-body"]',
      '[data-testid="end-membership"]',
      '[data-testid="leave-membership"]',
      '[data-testid="add-membership"]',
      '[data-testid="substitute-finder"]',
      '[data-testid="end-dialog"]',
    ].filter((selector) => element.querySelector(selector) !== null);
  }

  async function renderStaff(
    user: SessionUser,
    overview = bodyOverview(),
  ): Promise<{ fixture: ComponentFixture<BodyDetailPage>; element: HTMLElement }> {
    await signIn(user);
    const fixture = render(BODY_ID);
    http.expectOne(`/api/bodies/${BODY_ID}`).flush(bodyDetail(true));
    flushStaffData(overview);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  function headers(element: HTMLElement, testId: string): string[] {
    return [...element.querySelectorAll(`[data-testid="${testId}"] thead th`)].map((cell) =>
      cell.textContent.trim(),
    );
  }

  it('shows a visitor the public data, ranked substitutes and the public PDF link', async () => {
    await signIn(null);
    const fixture = render(BODY_ID);
    const element = fixture.nativeElement as HTMLElement;
    expect(element.textContent).toContain('Laster organet');

    http.expectOne(`/api/public/eksempel/bodies/${BODY_ID}`).flush(bodyDetail(false));
    await fixture.whenStable();

    expect(element.querySelector('h1')?.textContent.trim()).toBe('Formannskapet');
    expect(element.querySelector('.facts')?.textContent).toContain('Formannskap');
    expect(headers(element, 'members-table')).toEqual(['Navn', 'Parti', 'Rolle']);
    expect(rows(element, 'members-table')).toEqual([
      ['Ola Ordfører', 'Eksempelpartiet', 'Leder'],
      ['Åse Ærlig', 'Ikke oppgitt', 'Medlem'],
    ]);
    expect(rows(element, 'substitutes-table')).toEqual([
      ['1', 'Per Første', 'Eksempelpartiet'],
      ['2', 'Siri Andre', 'Eksempelpartiet'],
    ]);

    const pdf = element.querySelector<HTMLAnchorElement>('[data-testid="members-pdf"]');
    expect(pdf?.getAttribute('href')).toBe(`/api/public/eksempel/bodies/${BODY_ID}/members.pdf`);
    expect(pdf?.hasAttribute('download')).toBe(true);
    expect(pdf?.textContent.trim()).toBe('Last ned medlemsliste (PDF)');
    expect(element.querySelector('[data-testid="members-csv"]')?.getAttribute('href')).toBe(
      `/api/public/eksempel/bodies/${BODY_ID}/members.csv`,
    );

    // No staff data, no links to officials' pages, no editor tools.
    expect(element.querySelector('[data-testid="body-overview"]')).toBeNull();
    expect(element.querySelector('[data-testid="history"]')).toBeNull();
    expect(element.querySelector('[data-testid="members-table"] a')).toBeNull();
    expect(editorTools(element)).toEqual([]);
  });

  it('shows signed-in staff the e-mail column and the staff PDF link', async () => {
    await signIn(OFFICIAL_USER);
    const fixture = render(BODY_ID);
    const element = fixture.nativeElement as HTMLElement;

    const request = http.expectOne(`/api/bodies/${BODY_ID}`);
    expect(request.request.withCredentials).toBe(true);
    request.flush(bodyDetail(true));
    flushStaffData();
    await fixture.whenStable();

    expect(headers(element, 'members-table')).toEqual(['Navn', 'Parti', 'Rolle', 'E-post']);
    expect(rows(element, 'members-table')[0]).toEqual([
      'Ola Ordfører',
      'Eksempelpartiet',
      'Leder',
      'ola@example.no',
    ]);
    expect(element.querySelector('[data-testid="members-pdf"]')?.getAttribute('href')).toBe(
      `/api/bodies/${BODY_ID}/members.pdf`,
    );
    expect(element.querySelector('[data-testid="members-csv"]')?.getAttribute('href')).toBe(
      `/api/bodies/${BODY_ID}/members.csv`,
    );
  });

  it('says so when the body does not exist', async () => {
    await signIn(null);
    const fixture = render(BODY_ID);
    http
      .expectOne(`/api/public/eksempel/bodies/${BODY_ID}`)
      .flush(
        { code: 'BODY_NOT_FOUND', message: 'Fant ikke organet.' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();

    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Vi fant ikke det du lette etter.');
    expect(alert?.querySelector('button')).toBeNull();
  });

  it('does not ask the API about an id that cannot exist', async () => {
    await signIn(null);
    const fixture = render('ikke-en-id');
    http.expectNone((request) => request.url.includes('/bodies/'));
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent,
    ).toContain('Vi fant ikke det du lette etter.');
  });

  it('gives the secretariat the editor tools on every row', async () => {
    const { element } = await renderStaff(SECRETARIAT_USER);
    expect(editorTools(element)).toHaveLength(6);
    expect(element.querySelectorAll('[data-testid="end-membership"]')).toHaveLength(4);
    expect(element.querySelector('[data-testid="edit-body"]')?.getAttribute('href')).toBe(
      `/organer/${BODY_ID}/rediger`,
    );
    // The row actions name the person for screen readers.
    expect(
      element.querySelector('[data-testid="members-table"] [data-testid="end-membership"]')
        ?.textContent,
    ).toContain('Avslutt: Ola Ordfører');
  });

  it('shows an official the register without the editor tools', async () => {
    const { element } = await renderStaff(OFFICIAL_USER);
    expect(editorTools(element)).toEqual([]);
    expect(headers(element, 'members-table')).toEqual(['Navn', 'Parti', 'Rolle', 'E-post']);
    expect(element.querySelector('[data-testid="members-table"] a')?.getAttribute('href')).toBe(
      '/personer/b1000000-0000-4000-8000-000000000001',
    );
    expect(element.querySelector('[data-testid="body-overview"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="history-table"]')?.textContent).toContain(
      'Flyttet fra kommunen',
    );
  });

  it('says the gender balance checks in the user\'s language, from their codes and numbers, per list', async () => {
    const overview = bodyOverview();
    overview.genderBalance.checks[1] = { ...overview.genderBalance.checks[1]!, group: 'substitute:Ap', list: 'Ap' };
    const { fixture, element } = await renderStaff(OFFICIAL_USER, overview);
    const deviation = () => element.querySelector('[data-testid="gender-deviations"] li')?.textContent ?? '';
    expect(deviation()).toContain('Varamedlemmer, Ap: 0 kvinner og 2 menn av 2. Kommuneloven § 7-6 krever minst 1 av hvert kjønn.');
    const i18n = TestBed.inject(TranslocoService);
    i18n.setActiveLang('en');
    await fixture.whenStable();
    fixture.detectChanges();
    expect(deviation()).toContain('Substitutes, Ap: 0 women and 2 men of 2. The Local Government Act section 7-6 requires at least 1 of each gender.');
    i18n.setActiveLang('nn');
    await fixture.whenStable();
    fixture.detectChanges();
    expect(deviation()).toContain('Kommunelova § 7-6 krev minst 1 av kvart kjønn.');
    i18n.setActiveLang('nb');
  });

  it('shows the gender balance checks, "as far as possible" for a formannskap, and the warnings', async () => {
    const { element } = await renderStaff(
      OFFICIAL_USER,
      bodyOverview({
        warnings: ['Varalista for Ap har 1 varamedlem for 2 medlemmer.'],
        actingMembers: [
          {
            personId: 'b1000000-0000-4000-8000-000000000003',
            name: 'Per Første',
            forPersonId: 'b1000000-0000-4000-8000-000000000001',
            forName: 'Ola Ordfører',
            explanation: 'Per Første (nr. 1 på varalista for organet) rykker opp.',
          },
        ],
      }),
    );
    const overview = element.querySelector('[data-testid="body-overview"]');
    expect(overview?.textContent).toContain('så langt mulig');
    const checks = [...element.querySelectorAll('[data-testid="gender-checks"] li')];
    expect(checks.map((li) => li.querySelector('.ds-tag')?.getAttribute('data-color'))).toEqual([
      'success',
      'warning',
    ]);
    expect(checks[1]?.textContent).toContain('krever minst 1 av hvert kjønn');
    // Deviations are shown without opening the full list.
    const deviations = [...element.querySelectorAll('[data-testid="gender-deviations"] li')];
    expect(deviations.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Varamedlemmer: 0 kvinner og 2 menn'),
    ]);
    expect(element.querySelector('[data-testid="body-warnings"]')?.textContent).toContain(
      'Varalista for Ap',
    );
    expect(element.querySelector('[data-testid="acting-members"]')?.textContent).toContain(
      'Per Første møter for Ola Ordfører',
    );
  });

  it('groups substitutes per party list when they are numbered per list', async () => {
    await signIn(OFFICIAL_USER);
    const fixture = render(BODY_ID);
    const detail = bodyDetail(true);
    http.expectOne(`/api/bodies/${BODY_ID}`).flush({
      ...detail,
      substitutes: [
        {
          ...detail.substitutes[0]!,
          party: 'H',
          rank: 1,
          membershipId: 'a1000000-0000-4000-8000-00000000000a',
        },
        { ...detail.substitutes[1]!, party: 'Ap', rank: 1 },
        { ...detail.substitutes[0]!, party: 'Ap', rank: 2 },
      ],
    });
    flushStaffData(bodyOverview({ substituteOrder: 'per_list' }));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    const tables = [...element.querySelectorAll('[data-testid="substitutes-table"]')];
    expect(tables.map((table) => table.getAttribute('data-list'))).toEqual(['Ap', 'H']);
    expect([...element.querySelectorAll('h3')].map((h) => h.textContent.trim())).toEqual(
      expect.arrayContaining(['Varaliste: Ap', 'Varaliste: H']),
    );
    expect(
      [...(tables[0]?.querySelectorAll('tbody tr') ?? [])].map((row) =>
        row.querySelector('td')?.textContent.trim(),
      ),
    ).toEqual(['1', '2']);
  });

  it('ends a membership from its row and shows the prompt to elect a new substitute', async () => {
    const { fixture, element } = await renderStaff(SECRETARIAT_USER);
    element
      .querySelector<HTMLButtonElement>(
        '[data-testid="members-table"] [data-testid="end-membership"]',
      )
      ?.click();
    await fixture.whenStable();
    const dialog = element.querySelector('[data-testid="end-dialog"]');
    expect(dialog?.hasAttribute('open')).toBe(true);
    expect(dialog?.querySelector('h2')?.textContent).toContain('Ola Ordfører');

    const to = dialog?.querySelector<HTMLInputElement>('#end-to');
    if (!to) throw new Error('#end-to missing');
    to.value = '2026-01-31';
    to.dispatchEvent(new Event('input'));
    dialog?.querySelector<HTMLButtonElement>('[data-testid="end-submit"]')?.click();
    TestBed.tick();

    const request = http.expectOne('/api/memberships/a1000000-0000-4000-8000-000000000001/end');
    expect(request.request.body).toEqual({
      to: '2026-01-31',
      reason: 'resigned',
      decisionRef: null,
    });
    request.flush({ prompt: 'Per Første rykker opp. Husk å velge nytt varamedlem.' });
    // Let the save finish (a promise), then the page asks for fresh data.
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    // The page reloads what changed.
    http.expectOne(`/api/bodies/${BODY_ID}`).flush(bodyDetail(true));
    flushStaffData();
    await fixture.whenStable();

    expect(dialog?.hasAttribute('open')).toBe(false);
    const status = element.querySelector('[data-testid="body-status"]');
    expect(status?.textContent).toContain('Vervet til Ola Ordfører er avsluttet');
    expect(element.querySelector('[data-testid="end-prompt"]')?.textContent).toContain(
      'Husk å velge nytt varamedlem',
    );
    expect(status?.closest('[aria-live="polite"]')).not.toBeNull();
  });

  it("shows the API's field errors in the end dialog", async () => {
    const { fixture, element } = await renderStaff(SECRETARIAT_USER);
    element.querySelector<HTMLButtonElement>('[data-testid="end-membership"]')?.click();
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-testid="end-submit"]')?.click();
    TestBed.tick();
    http
      .expectOne((request) => request.url.endsWith('/end'))
      .flush(
        {
          code: 'END_BEFORE_START',
          message: 'Slutt kan ikke være før start.',
          fields: [{ path: 'to', message: 'Start er 2023-10-01.' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    const dialog = element.querySelector('[data-testid="end-dialog"]');
    expect(dialog?.querySelector('[role="alert"]')?.textContent).toContain(
      'Slutt kan ikke være før start.',
    );
    expect(dialog?.querySelector('#end-to-error')?.textContent).toContain('Start er 2023-10-01.');
    expect(dialog?.querySelector('#end-to')?.getAttribute('aria-invalid')).toBe('true');
  });
});
