import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PlaceCounts, RegisterVoteInput, SessionUser } from '@sekretariat/contracts';
import {
  ALREADY_VOTED,
  APPROVED,
  CLERK_USER,
  ELECTION,
  ELECTION_ID,
  FOUND_OTHER,
  FOUND_OWN,
  NOT_IN_ROLL,
  NOT_IN_ROLL_BY_NAME,
  OTHER_VOTER,
  OWN_VOTER,
  PLACES,
  PLACE_ID,
  UNKNOWN_VOTER,
  VOTE_ID,
  receivedIn,
} from '../../../testing/election-fixtures';
import { MUNICIPALITY } from '../../../testing/fixtures';
import { translocoTesting } from '../../../testing/i18n-testing';
import { apiInterceptor } from '../../core/api/api.interceptor';
import { SessionStore } from '../../core/session/session-store';
import { osloToday } from '../election-dates';
import { CounterPage, UNDO_OFFER_MS } from './counter-page';

const CHOICE_KEY = 'sekretariat.counter.choice';
const LOOKUP_URL = `/api/elections/${ELECTION_ID}/lookup`;
const VOTES_URL = `/api/elections/${ELECTION_ID}/votes`;

describe('CounterPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CounterPage>;
  let element: HTMLElement;

  async function open(options: { user?: SessionUser; remembered?: boolean } = {}): Promise<void> {
    const { user = CLERK_USER, remembered = true } = options;
    localStorage.clear();
    if (remembered) {
      localStorage.setItem(
        CHOICE_KEY,
        JSON.stringify({ electionId: ELECTION_ID, placeId: PLACE_ID }),
      );
    }
    TestBed.configureTestingModule({
      imports: [CounterPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    fixture = TestBed.createComponent(CounterPage);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne('/api/elections').flush({ items: [ELECTION] });
    if (remembered) {
      http.expectOne(`/api/elections/${ELECTION_ID}/places`).flush({ items: PLACES });
      await flushCount(0);
    }
  }

  /** The counter's figures for the place today: `taken` votes, all in the 10th hour. */
  function countsOf(taken: number): PlaceCounts {
    return {
      date: osloToday(),
      votingPlace: 'Servicetorget',
      total: taken,
      approved: taken,
      received: 0,
      hours: taken ? [{ hour: 10, count: taken }] : [],
    };
  }

  /** The place's count for today, read from the election's figures when the desk opens and after each vote. */
  async function flushCount(taken: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http
      .expectOne((r) => r.url === `/api/elections/${ELECTION_ID}/places/${PLACE_ID}/counts`)
      .flush(countsOf(taken));
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    localStorage.clear();
    jest.restoreAllMocks();
  });

  const search = () => element.querySelector<HTMLInputElement>('#voter-search')!;
  const testId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const registerButton = () => testId('register-vote') as HTMLButtonElement | null;
  const focused = () => document.activeElement?.id ?? null;
  const text = (id: string) => testId(id)?.textContent.replace(/\s+/g, ' ').trim() ?? '';

  function type(value: string): void {
    const input = search();
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function expectLookup(personalNumber: string): TestRequest {
    const request = http.expectOne((r) => r.url === LOOKUP_URL);
    expect(request.request.params.get('personalNumber')).toBe(personalNumber);
    return request;
  }

  async function lookUp(personalNumber: string, response: object): Promise<void> {
    type(personalNumber);
    expectLookup(personalNumber).flush(response);
    await fixture.whenStable();
  }

  async function tick(id: string): Promise<void> {
    const box = element.querySelector<HTMLInputElement>(`#${id}`)!;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }
  const checkIdentity = () => tick('identity-checked');

  async function fill(id: string, value: string): Promise<void> {
    const field = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  /** Registers the voter on screen; returns the request body. */
  async function registerWith(response: object, taken: number): Promise<RegisterVoteInput> {
    registerButton()?.click();
    const request = http.expectOne(VOTES_URL);
    request.flush(response, { status: 201, statusText: 'Created' });
    await flushCount(taken);
    return request.request.body as RegisterVoteInput;
  }

  function pressEnter(target: Element): void {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  }

  it('starts in the search field, with the choice remembered and the day’s count', async () => {
    await open();
    expect(focused()).toBe('voter-search');
    expect(text('counter-context')).toContain('Servicetorget');
    expect(text('today-count')).toBe('0');
    expect(testId('lookup-result')?.getAttribute('aria-live')).toBe('polite');
    expect(text('shortcuts')).toContain('Esc');
  });

  it('looks up as soon as 11 digits are typed, and not before', async () => {
    await open();
    type('0381300005');
    http.expectNone((r) => r.url === LOOKUP_URL);
    type('038130 00058');
    expectLookup(OWN_VOTER).flush(FOUND_OWN);
    await fixture.whenStable();
    expect(testId('can-vote')).not.toBeNull();
  });

  it('does not search twice when a scanner sends Enter after the digits', async () => {
    await open();
    type(OWN_VOTER);
    search().form!.dispatchEvent(new Event('submit', { cancelable: true }));
    const request = expectLookup(OWN_VOTER);
    request.flush(FOUND_OWN);
    await fixture.whenStable();
    search().form!.dispatchEvent(new Event('submit', { cancelable: true }));
    http.expectNone((r) => r.url === LOOKUP_URL);
  });

  it('says how many digits are missing when Enter is pressed too early', async () => {
    await open();
    type('12345');
    search().form!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(text('invalid-search')).toContain('Du har skrevet 5');
    expect(search().getAttribute('aria-invalid')).toBe('true');
    http.expectNone((r) => r.url === LOOKUP_URL);
  });

  it.each([
    [
      OWN_VOTER,
      FOUND_OWN,
      'can-vote',
      'success',
      'Kan stemme – egen kommune: legg stemmeseddelen i urnen',
    ],
    [
      OTHER_VOTER,
      FOUND_OTHER,
      'other-municipality',
      'info',
      'Annen kommune (0301): bruk omslagskonvolutt',
    ],
    [UNKNOWN_VOTER, NOT_IN_ROLL, 'not-in-roll', 'warning', 'Ikke i manntallet'],
    [OWN_VOTER, ALREADY_VOTED, 'already-voted', 'danger', 'Har allerede stemt'],
  ])('shows %s as %s in words, colour and shape', async (number, response, id, color, words) => {
    await open();
    await lookUp(number, response);
    const card = testId(id);
    expect(card).not.toBeNull();
    expect(card?.getAttribute('data-color')).toBe(color);
    expect(card?.querySelector('h2')?.textContent).toContain(words);
    expect(card?.querySelector('svg.icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(testId('lookup-result')?.contains(card)).toBe(true);
  });

  it('takes the vote of a voter who has voted in an envelope, with what to write on it', async () => {
    await open();
    await lookUp(OWN_VOTER, ALREADY_VOTED);
    expect(text('already-voted-detail')).toContain('Servicetorget');
    expect(text('already-voted')).toContain('Velgeren skal ikke avvises');
    expect(testId('next-step')?.getAttribute('data-action')).toBe('envelope');
    expect(text('next-step')).toContain('Ta imot i omslagskonvolutt');
    expect(text('envelope-note')).toBe('«Har stemt tidligere»');
    expect(testId('envelope-note')?.getAttribute('lang')).toBe('nb');
    expect(focused()).toBe('envelope-serial');
    expect(registerButton()?.textContent).toContain('Registrer i konvolutt');

    await fill('envelope-serial', 'K-000124');
    await checkIdentity();
    const body = await registerWith(
      receivedIn(
        'already_voted',
        'Mottatt i omslagskonvolutt: velgeren har allerede en godkjent stemmegivning. Skriv «Har stemt tidligere» på konvolutten; valgstyret prøver stemmen.',
        'K-000124',
      ),
      1,
    );
    expect(body).toEqual({
      personalNumber: OWN_VOTER,
      votingPlaceId: PLACE_ID,
      identityChecked: true,
      envelopeSerial: 'K-000124',
      identityDoubt: false,
      voterMunicipalityNumber: null,
      idempotencyKey: expect.any(String) as string,
    });
    const done = testId('register-done');
    expect(done?.getAttribute('data-status')).toBe('received');
    expect(done?.getAttribute('data-color')).toBe('info');
    expect(text('register-done')).toContain('Mottatt i konvolutt: Nora Karlsen');
    expect(text('register-done')).not.toContain('Godkjent');
    expect(text('done-envelope-note')).toBe('«Har stemt tidligere»');
  });

  it('takes a voter not in the roll in an envelope, with the municipality they name', async () => {
    await open();
    await lookUp(UNKNOWN_VOTER, NOT_IN_ROLL);
    expect(text('not-in-roll')).toContain('ta imot stemmen i omslagskonvolutt');
    expect(text('envelope-note')).toBe('«Ikke funnet i manntallet»');
    // A number not found is most often mistyped: it stays selected for the next scan.
    expect(focused()).toBe('voter-search');

    // Enter after the envelope number leads on to the municipality, then the identity check.
    pressEnter(element.querySelector('#envelope-serial')!);
    await fixture.whenStable();
    expect(focused()).toBe('voter-municipality');
    await fill('voter-municipality', '301');
    pressEnter(element.querySelector('#voter-municipality')!);
    await fixture.whenStable();
    expect(focused()).toBe('identity-checked');
    await checkIdentity();
    registerButton()?.click();
    await fixture.whenStable();
    http.expectNone(VOTES_URL);
    const municipality = element.querySelector('#voter-municipality')!;
    expect(municipality.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('#voter-municipality-error')?.textContent).toContain(
      'fire siffer',
    );

    await fill('voter-municipality', '0301');
    expect(element.querySelector('#voter-municipality-error')).toBeNull();
    const body = await registerWith(
      receivedIn(
        'not_in_roll',
        'Mottatt i omslagskonvolutt: velgeren står ikke i manntallet. Skriv «Ikke funnet i manntallet» på konvolutten; valgstyret prøver stemmen.',
      ),
      1,
    );
    expect(body).toMatchObject({
      personalNumber: UNKNOWN_VOTER,
      envelopeSerial: null,
      identityDoubt: false,
      voterMunicipalityNumber: '0301',
    });
    expect(text('register-done')).toContain(
      'Mottatt i konvolutt: velger som ikke står i manntallet',
    );
    expect(text('register-done')).toContain('Skriv «Ikke funnet i manntallet» på konvolutten');
  });

  it('sends identity doubt, and then asks for an envelope for the own voter', async () => {
    await open();
    await lookUp(OWN_VOTER, FOUND_OWN);
    expect(testId('next-step')?.getAttribute('data-action')).toBe('ballot_box');
    expect(element.querySelector('#envelope-serial')).toBeNull();

    await tick('identity-doubt');
    expect(testId('next-step')?.getAttribute('data-action')).toBe('envelope');
    expect(text('envelope-note')).toBe('«Tvil om identitet»');
    expect(text('can-vote')).toContain('bruk omslagskonvolutt');
    await fill('envelope-serial', 'K-7');
    await checkIdentity();
    const body = await registerWith(
      receivedIn(
        'identity_doubt',
        'Mottatt i omslagskonvolutt: det er tvil om identiteten. Skriv «Tvil om identitet» på konvolutten; valgstyret prøver stemmen.',
        'K-7',
      ),
      1,
    );
    expect(body).toMatchObject({ identityDoubt: true, envelopeSerial: 'K-7' });
    expect(text('register-done')).toContain('Mottatt i konvolutt: Nora Karlsen');
  });

  it('says Godkjent only for a vote the API approved', async () => {
    await open();
    await lookUp(OWN_VOTER, FOUND_OWN);
    await checkIdentity();
    const body = await registerWith(APPROVED, 1);
    expect(body).toMatchObject({ envelopeSerial: null, identityDoubt: false });
    expect(testId('register-done')?.getAttribute('data-status')).toBe('approved');
    expect(text('register-done')).toContain('Godkjent: Nora Karlsen');
    expect(testId('register-changed')).toBeNull();
  });

  it('asks for the envelope number first for a voter from another municipality', async () => {
    await open();
    await lookUp(OTHER_VOTER, FOUND_OTHER);
    expect(focused()).toBe('envelope-serial');
    // The scanner's Enter after the envelope number moves on to the identity check.
    pressEnter(element.querySelector('#envelope-serial')!);
    await fixture.whenStable();
    expect(focused()).toBe('identity-checked');
    expect(element.querySelector('#identity-checked-error')).toBeNull();
    http.expectNone(VOTES_URL);
  });

  it('keeps Registrer disabled until the identity is confirmed, and moves focus there', async () => {
    await open();
    await lookUp(OWN_VOTER, FOUND_OWN);
    expect(focused()).toBe('identity-checked');
    expect(registerButton()?.disabled).toBe(true);

    // Enter long after the lookup (not a scanner's): asks for the identity check, sends nothing.
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 5000);
    pressEnter(element.querySelector('#identity-checked')!);
    await fixture.whenStable();
    expect(element.querySelector('#identity-checked-error')?.textContent).toContain(
      'Kryss av når du har kontrollert legitimasjonen.',
    );
    http.expectNone(VOTES_URL);

    await checkIdentity();
    expect(registerButton()?.disabled).toBe(false);
  });

  it('sends one registration for a double Enter, then clears and returns to the search', async () => {
    await open();
    await lookUp(OTHER_VOTER, FOUND_OTHER);
    await checkIdentity();
    const serial = element.querySelector<HTMLInputElement>('#envelope-serial')!;
    serial.value = ' K-000123 ';
    serial.dispatchEvent(new Event('input'));
    pressEnter(serial);
    pressEnter(serial);
    TestBed.tick();
    expect(registerButton()?.disabled).toBe(true);
    registerButton()?.click();

    const request = http.expectOne(VOTES_URL);
    const body = request.request.body as RegisterVoteInput;
    expect(body).toEqual({
      personalNumber: OTHER_VOTER,
      votingPlaceId: PLACE_ID,
      identityChecked: true,
      envelopeSerial: 'K-000123',
      identityDoubt: false,
      voterMunicipalityNumber: null,
      idempotencyKey: expect.any(String) as string,
    });
    request.flush(
      receivedIn(
        'other_municipality',
        'Mottatt i omslagskonvolutt: velgeren hører til en annen kommune.',
        'K-000123',
      ),
      { status: 201, statusText: 'Created' },
    );
    await flushCount(1);

    expect(text('register-done')).toContain('Mottatt i konvolutt: Bjørn Mæland');
    expect(text('register-done')).toContain('velgeren hører til en annen kommune.');
    expect(search().value).toBe('');
    expect(focused()).toBe('voter-search');
    expect(text('today-count')).toBe('1');
    expect(registerButton()).toBeNull();
  });

  it('sends a failed registration again with the same idempotency key', async () => {
    await open();
    await lookUp(OWN_VOTER, FOUND_OWN);
    await checkIdentity();
    registerButton()?.click();
    const first = http.expectOne(VOTES_URL);
    first.error(new ProgressEvent('error'));
    await fixture.whenStable();
    expect(text('register-error')).toContain('registreringen er ikke bekreftet');
    expect(testId('register-error')?.getAttribute('role')).toBe('alert');

    registerButton()?.click();
    const second = http.expectOne(VOTES_URL);
    expect((second.request.body as RegisterVoteInput).idempotencyKey).toBe(
      (first.request.body as RegisterVoteInput).idempotencyKey,
    );
    second.flush({
      ...APPROVED,
      message: 'Allerede registrert (samme forespørsel sendt på nytt).',
      replayed: true,
    });
    await flushCount(0);
    expect(text('register-done')).toContain('Allerede registrert');
    expect(text('today-count')).toBe('0');
  });

  it('uses a new idempotency key for the next voter', async () => {
    await open();
    const keys: string[] = [];
    for (const [number, response] of [
      [OWN_VOTER, FOUND_OWN],
      [OTHER_VOTER, FOUND_OTHER],
    ] as const) {
      await lookUp(number, response);
      await checkIdentity();
      registerButton()?.click();
      const request = http.expectOne(VOTES_URL);
      keys.push((request.request.body as RegisterVoteInput).idempotencyKey);
      request.flush(APPROVED);
      await flushCount(keys.length);
    }
    expect(keys[0]).not.toBe(keys[1]);
    expect(text('today-count')).toBe('2');
  });

  it('says so when another counter approved the voter first and the vote went in an envelope', async () => {
    await open();
    await lookUp(OWN_VOTER, FOUND_OWN);
    await checkIdentity();
    await registerWith(
      receivedIn(
        'already_voted',
        'Mottatt i omslagskonvolutt: velgeren har allerede en godkjent stemmegivning. Skriv «Har stemt tidligere» på konvolutten; valgstyret prøver stemmen.',
      ),
      1,
    );
    expect(testId('register-done')?.getAttribute('data-status')).toBe('received');
    expect(text('register-changed')).toContain('Ikke i urnen');
    expect(text('done-envelope-note')).toBe('«Har stemt tidligere»');
    expect(text('register-done')).not.toContain('Godkjent');
  });

  describe('Angre', () => {
    const UNDO_URL = `/api/votes/${VOTE_ID}/undo`;
    const dialog = () => testId('undo-dialog') as HTMLDialogElement | null;

    async function registered(): Promise<void> {
      await open();
      await lookUp(OWN_VOTER, FOUND_OWN);
      await checkIdentity();
      await registerWith(APPROVED, 1);
    }

    async function openUndo(): Promise<void> {
      testId('undo-vote')?.click();
      await fixture.whenStable();
      expect(dialog()?.hasAttribute('open')).toBe(true);
    }

    it('undoes the clerk’s registration with a reason', async () => {
      await registered();
      await openUndo();
      expect(text('undo-dialog')).toContain('Registreringen av Nora Karlsen blir annullert');

      testId('undo-submit')?.click();
      await fixture.whenStable();
      expect(text('undo-errors')).toContain('Skriv en grunn');
      http.expectNone(UNDO_URL);

      await fill('undo-reason', 'Feil velger registrert');
      testId('undo-submit')?.click();
      const request = http.expectOne(UNDO_URL);
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ reason: 'Feil velger registrert' });
      request.flush({ ...APPROVED.vote, status: 'cancelled' });
      await flushCount(0);

      expect(dialog()?.hasAttribute('open')).toBe(false);
      expect(text('undo-done')).toContain('Registreringen av Nora Karlsen er angret.');
      expect(testId('register-done')).toBeNull();
      expect(text('today-count')).toBe('0');
      expect(focused()).toBe('voter-search');
    });

    it('keeps the registration when the clerk presses Avbryt', async () => {
      await registered();
      await openUndo();
      testId('undo-cancel')?.click();
      await fixture.whenStable();
      expect(dialog()?.hasAttribute('open')).toBe(false);
      http.expectNone(UNDO_URL);
      expect(text('register-done')).toContain('Godkjent: Nora Karlsen');
      expect(testId('undo-vote')).not.toBeNull();
    });

    it('shows the API’s words when it is too late, and offers Angre no more', async () => {
      await registered();
      await openUndo();
      await fill('undo-reason', 'Feil velger');
      testId('undo-submit')?.click();
      http.expectOne(UNDO_URL).flush(
        {
          code: 'UNDO_TOO_LATE',
          message: 'En registrering kan angres i 5 minutter. Be valgstyret annullere den.',
        },
        { status: 409, statusText: 'Conflict' },
      );
      await fixture.whenStable();
      expect(text('undo-errors')).toContain('Be valgstyret annullere den.');
      testId('undo-cancel')?.click();
      await fixture.whenStable();
      expect(testId('undo-vote')).toBeNull();
    });

    it('offers Angre for a few minutes only', async () => {
      const timers = jest.spyOn(globalThis, 'setTimeout');
      await registered();
      expect(testId('undo-vote')).not.toBeNull();
      const offer = timers.mock.calls.find(([, delay]) => delay === UNDO_OFFER_MS);
      expect(offer).toBeDefined();
      offer![0]();
      await fixture.whenStable();
      expect(testId('undo-vote')).toBeNull();
      expect(text('register-done')).toContain('Godkjent: Nora Karlsen');
    });
  });

  it('shows the server’s words when the clerk may not register here', async () => {
    await open();
    await lookUp(OWN_VOTER, FOUND_OWN);
    await checkIdentity();
    registerButton()?.click();
    http
      .expectOne(VOTES_URL)
      .flush(
        { code: 'VOTING_PLACE_CLOSED', message: 'Servicetorget er stengt nå.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(text('register-error')).toBe('Servicetorget er stengt nå.');
    expect(testId('register-error')?.querySelector('[lang="nb"]')).not.toBeNull();
  });

  it('starts a new search when digits are typed while the identity box has focus', async () => {
    await open();
    await lookUp(OWN_VOTER, FOUND_OWN);
    const box = element.querySelector<HTMLInputElement>('#identity-checked')!;
    expect(document.activeElement).toBe(box);
    const digit = new KeyboardEvent('keydown', { key: '0', bubbles: true, cancelable: true });
    box.dispatchEvent(digit);
    expect(digit.defaultPrevented).toBe(true);
    expect(focused()).toBe('voter-search');
    expect(search().value).toBe('0');
    await fixture.whenStable();
    expect(testId('can-vote')).toBeNull();
    expect(registerButton()).toBeNull();
    type(OTHER_VOTER);
    expectLookup(OTHER_VOTER).flush(FOUND_OTHER);
    await fixture.whenStable();
    expect(testId('other-municipality')).not.toBeNull();
  });

  it('clears everything with Esc and returns to the search field', async () => {
    await open();
    await lookUp(OWN_VOTER, FOUND_OWN);
    expect(focused()).toBe('identity-checked');
    document.activeElement?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    await fixture.whenStable();
    expect(search().value).toBe('');
    expect(testId('can-vote')).toBeNull();
    expect(testId('counter-ready')).not.toBeNull();
    expect(focused()).toBe('voter-search');
  });

  it('selects a number that was not found, so that the next scan replaces it', async () => {
    await open();
    await lookUp(UNKNOWN_VOTER, NOT_IN_ROLL);
    expect(focused()).toBe('voter-search');
    expect(search().selectionStart).toBe(0);
    expect(search().selectionEnd).toBe(UNKNOWN_VOTER.length);
  });

  it('shows an invalid personal number as the API explains it', async () => {
    await open();
    type('04813000012');
    expectLookup('04813000012').flush(
      { code: 'INVALID_PERSONAL_NUMBER', message: 'Kontrollsifrene stemmer ikke.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text('invalid-search')).toContain('Ugyldig fødselsnummer');
    expect(text('invalid-search')).toContain('Kontrollsifrene stemmer ikke.');
  });

  it('searches by name and birth date, and asks for the number to register', async () => {
    await open();
    const name = element.querySelector<HTMLInputElement>('#voter-name')!;
    name.value = 'Nora Karlsen';
    name.dispatchEvent(new Event('input'));
    const birth = element.querySelector<HTMLInputElement>('#voter-birth-date')!;
    birth.value = '1930-01-03';
    birth.dispatchEvent(new Event('input'));
    name.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    const request = http.expectOne((r) => r.url === LOOKUP_URL);
    expect(request.request.params.get('name')).toBe('Nora Karlsen');
    expect(request.request.params.get('birthDate')).toBe('1930-01-03');
    request.flush(FOUND_OWN);
    await fixture.whenStable();
    expect(testId('can-vote')).not.toBeNull();
    expect(testId('type-number-to-register')).not.toBeNull();
    expect(registerButton()).toBeNull();
    expect(focused()).toBe('voter-search');
  });

  it('asks for the personal number when a name search finds no one', async () => {
    await open();
    await fill('voter-name', 'Ukjent Person');
    await fill('voter-birth-date', '1950-05-05');
    element
      .querySelector('#voter-name')!
      .closest('form')!
      .dispatchEvent(new Event('submit', { cancelable: true }));
    http.expectOne((r) => r.url === LOOKUP_URL).flush(NOT_IN_ROLL_BY_NAME);
    await fixture.whenStable();
    expect(text('not-in-roll')).toContain('Søk med fødselsnummeret');
    expect(testId('next-step')).toBeNull();
    expect(registerButton()).toBeNull();
  });

  it('lists several matches of a name search and asks for the personal number', async () => {
    await open();
    const name = element.querySelector<HTMLInputElement>('#voter-name')!;
    name.value = 'Karlsen';
    name.dispatchEvent(new Event('input'));
    name.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(text('invalid-search')).toContain('Skriv inn fødselsdatoen til velgeren.');
    expect(focused()).toBe('voter-birth-date');
    http.expectNone((r) => r.url === LOOKUP_URL);

    const birth = element.querySelector<HTMLInputElement>('#voter-birth-date')!;
    birth.value = '1930-01-03';
    birth.dispatchEvent(new Event('input'));
    name.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    http
      .expectOne((r) => r.url === LOOKUP_URL)
      .flush({
        status: 'several',
        message: '2 velgere passer. Spør etter fødselsnummer.',
        matches: [FOUND_OWN.matches[0], { ...FOUND_OTHER.matches[0], birthDate: '1930-01-03' }],
        nextStep: null,
      });
    await fixture.whenStable();
    expect(text('several-matches')).toContain('2 velgere passer');
    expect(element.querySelectorAll('[data-testid="match-list"] li')).toHaveLength(2);
    expect(registerButton()).toBeNull();
  });

  it('lets the clerk choose election and place once, places where they work first', async () => {
    await open({ remembered: false });
    // The setup asks for the places of the election it proposes.
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http.expectOne(`/api/elections/${ELECTION_ID}/places`).flush({ items: PLACES });
    await fixture.whenStable();
    const place = element.querySelector<HTMLSelectElement>('#counter-place')!;
    expect(place.value).toBe(PLACE_ID);
    expect([...place.options].map((o) => o.textContent.replace(/\s+/g, ' ').trim())).toEqual([
      'Servicetorget – du er satt opp her',
      'Biblioteket – du er ikke satt opp her (stengt nå)',
    ]);
    testId('counter-start')?.click();
    TestBed.tick();
    http.expectOne(`/api/elections/${ELECTION_ID}/places`).flush({ items: PLACES });
    await flushCount(0);
    expect(JSON.parse(localStorage.getItem(CHOICE_KEY) ?? 'null')).toEqual({
      electionId: ELECTION_ID,
      placeId: PLACE_ID,
    });
    expect(focused()).toBe('voter-search');
  });

  it('warns a clerk who is not staff at the chosen place', async () => {
    localStorage.clear();
    await open({ user: { ...CLERK_USER, username: 'vikar' } });
    expect(text('counter-not-assigned')).toContain('ikke satt opp som stemmemottaker');
  });

  it('counts from the election’s figures for those who may read them', async () => {
    TestBed.resetTestingModule();
    const admin: SessionUser = { ...CLERK_USER, username: 'admin', roles: ['admin'] };
    localStorage.setItem(
      CHOICE_KEY,
      JSON.stringify({ electionId: ELECTION_ID, placeId: PLACE_ID }),
    );
    TestBed.configureTestingModule({
      imports: [CounterPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user: admin });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    fixture = TestBed.createComponent(CounterPage);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne('/api/elections').flush({ items: [ELECTION] });
    http.expectOne(`/api/elections/${ELECTION_ID}/places`).flush({ items: PLACES });
    // The count is read when the desk opens, after the places have arrived.
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    const request = http.expectOne(
      (r) => r.url === `/api/elections/${ELECTION_ID}/places/${PLACE_ID}/counts`,
    );
    expect(request.request.params.get('date')).toBe(osloToday());
    request.flush({
      ...countsOf(41),
      hours: [
        { hour: 9, count: 30 },
        { hour: 10, count: 11 },
      ],
    });
    await fixture.whenStable();
    expect(text('today-count')).toBe('41');
    expect(element.textContent).toContain('på dette stemmestedet');
    // The hours of the day, in a table.
    const rows = [...element.querySelectorAll('[data-testid="hourly-row"]')].map((r) =>
      [...r.children].map((cell) => cell.textContent.trim()).join(' '),
    );
    expect(rows).toEqual(['09–10 30', '10–11 11']);
  });
});
