import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OfficiantCeremony, OfficiantCeremonyList } from '@sekretariat/contracts';
import { MUNICIPALITY } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { todayIso } from '../shared/today';
import { OfficiantPage } from './officiant-page';
import { addDays } from './wedding-time';

const DAY = addDays(todayIso(), 3);
const LATER = addDays(todayIso(), 10);

const ceremony = (over: Partial<OfficiantCeremony>): OfficiantCeremony => ({
  id: '6b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  reference: 'V-2027-0042',
  status: 'booked',
  startsAt: `${DAY}T09:00:00.000Z`,
  endsAt: `${DAY}T09:30:00.000Z`,
  place: {
    id: '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    name: 'Bryllupssalen',
    accessibility: 'Trinnfri adkomst.',
  },
  parties: [{ name: 'Kari Nordmann' }, { name: 'Jean Dupont' }],
  witnesses: [{ name: 'Ola Vitne' }, { name: 'Siri Vitne' }],
  ceremonyLanguage: 'fr',
  guests: 12,
  certificateChecked: true,
  notes: 'Ønsker musikk ved inngangen',
  ...over,
});

const LIST: OfficiantCeremonyList = {
  officiant: { id: '8d1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Ola Ordfører' },
  items: [
    ceremony({}),
    ceremony({
      id: '7c1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      reference: 'V-2027-0043',
      startsAt: `${LATER}T10:00:00.000Z`,
      endsAt: `${LATER}T10:30:00.000Z`,
      parties: [{ name: 'Per Hansen' }, { name: 'Lise Hansen' }],
      certificateChecked: false,
      notes: '',
    }),
  ],
};

const text = (root: ParentNode, selector: string) =>
  root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe("the officiant's own page", () => {
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

  async function open(answer: (r: ReturnType<HttpTestingController['expectOne']>) => void) {
    const fixture = TestBed.createComponent(OfficiantPage);
    TestBed.tick();
    answer(
      http.expectOne(
        (r) =>
          r.url === '/api/weddings/my/ceremonies' &&
          r.params.get('from') === todayIso() &&
          r.params.get('to') === addDays(todayIso(), 365),
      ),
    );
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the ceremonies by day with the couple, witnesses, language, notes and the day list', async () => {
    const element = await open((r) => r.flush(LIST));
    expect(text(element, 'h1')).toBe('Mine vigsler');
    expect(text(element, '[data-testid="officiant-name"]')).toContain('Ola Ordfører');
    expect(text(element, '[data-testid="ceremony-count"]')).toContain('2 vigsler');
    expect(element.querySelectorAll('section h2')).toHaveLength(2);
    const first = element.querySelector('[data-testid="ceremony-V-2027-0042"]')!;
    for (const s of [
      'Bryllupssalen',
      'Kari Nordmann',
      'Jean Dupont',
      'Ola Vitne',
      'Siri Vitne',
      'Fransk',
      '12',
      'Kontrollert',
      'Trinnfri adkomst.',
      'Ønsker musikk ved inngangen',
      'V-2027-0042',
    ]) {
      expect(first.textContent).toContain(s);
    }
    expect(text(element, '[data-testid="ceremony-V-2027-0043"] [data-testid="certificate"]')).toBe(
      'Ikke kontrollert',
    );
    const links = [...element.querySelectorAll<HTMLAnchorElement>('[data-testid="day-list-link"]')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `/api/weddings/my/day-list.pdf?date=${DAY}`,
      `/api/weddings/my/day-list.pdf?date=${LATER}`,
    ]);
    // The link's name says which day, so that several links can be told apart.
    expect(links[0]!.textContent).toContain('(PDF)');
    expect(links[0]!.textContent).not.toBe(links[1]!.textContent);
  });

  it('says when there are no ceremonies', async () => {
    const element = await open((r) => r.flush({ ...LIST, items: [] }));
    expect(text(element, '[data-testid="no-ceremonies"]')).toContain(
      'Du er ikke satt opp på noen vigsler',
    );
  });

  it('tells a user not linked to an officiant to ask the service centre', async () => {
    const element = await open((r) =>
      r.flush(
        {
          code: 'WEDDING_OFFICIANT_NOT_LINKED',
          message: 'Brukeren din er ikke knyttet til en vigsler.',
        },
        { status: 403, statusText: 'Forbidden' },
      ),
    );
    expect(text(element, '[data-testid="not-linked"]')).toContain('Be servicetorget knytte deg');
    expect(element.querySelector('[role="alert"] button')).toBeNull();
  });
});
