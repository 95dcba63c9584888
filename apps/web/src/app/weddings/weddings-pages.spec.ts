import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type {
  BookingCreated,
  CoupleBooking,
  PublicWeddingInfo,
  StaffBooking,
} from '@sekretariat/contracts';
import { MUNICIPALITY } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { todayIso } from '../shared/today';
import { BookingPage } from './booking-page';
import { BookingReceipt } from './booking-receipt';
import { addDays } from './wedding-time';
import { ManagePage } from './manage-page';
import { ReceiptPage } from './receipt-page';
import { StaffPage } from './staff-page';

@Component({ template: '<h1>Stub</h1>' })
class StubPage {}

const PLACE_ID = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const BOOKING_ID = '6b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const HOLD_ID = '7c1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const BASE = '/api/public/eksempel/weddings';

const INFO: PublicWeddingInfo = {
  municipality: 'Eksempel kommune',
  places: [
    { id: PLACE_ID, name: 'Bryllupssalen', capacity: 20, address: 'Rådhusgata 1, 9990 Fjordvik', accessibility: 'Trinnfri adkomst.' },
  ],
  infoText: { nb: 'Vigsler på rådhuset fredager.', nn: '', en: 'Ceremonies on Fridays.' },
  feeNok: 1200,
  languages: ['nb', 'nn', 'se', 'en', 'de', 'fr', 'es', 'ru'],
};

/** A slot a few days ahead, at 09:00 UTC (10:00 or 11:00 in Oslo). */
const DAY = addDays(todayIso(), 3);
const SLOT = {
  startsAt: `${DAY}T09:00:00.000Z`,
  endsAt: `${DAY}T09:30:00.000Z`,
};

const COUPLE: CoupleBooking = {
  reference: 'V-2027-0042',
  status: 'booked',
  startsAt: SLOT.startsAt,
  endsAt: SLOT.endsAt,
  place: { id: PLACE_ID, name: 'Bryllupssalen', address: 'Rådhusgata 1' },
  parties: [
    {
      name: 'Kari Nordmann',
      birthDate: '1990-04-01',
      email: 'kari@example.no',
      phone: '+47 91234567',
      residence: 'municipality',
    },
    {
      name: 'Jean Dupont',
      birthDate: '1988-10-12',
      email: 'jean@example.fr',
      phone: '+33 612345678',
      residence: 'abroad',
    },
  ],
  witnesses: [
    { name: 'Ola Vitne', birthDate: '1970-01-01' },
    { name: 'Siri Vitne', birthDate: '1980-01-01' },
  ],
  ceremonyLanguage: 'fr',
  guests: 12,
  certificateIssuedOn: addDays(todayIso(), -1),
  certificateValidUntil: addDays(todayIso(), 110),
  fee: { free: true, amountNok: 0 },
};

const text = (element: HTMLElement, selector: string) =>
  (element.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

function type(element: HTMLElement, id: string, value: string): void {
  const input = element.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
  if (!input) throw new Error(`No field #${id}`);
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

describe('the weddings pages', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([{ path: 'vigsel/bekreftelse', component: StubPage }]),
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

  async function openForm() {
    const fixture = TestBed.createComponent(BookingPage);
    TestBed.tick();
    http.expectOne(`${BASE}/info`).flush(INFO);
    // Not whenStable: the slots' request, made once the place is known, keeps the page busy.
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http
      .expectOne((r) => r.url === `${BASE}/slots` && r.params.get('placeId') === PLACE_ID)
      .flush({ placeId: PLACE_ID, slots: [SLOT] });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    element.querySelector<HTMLButtonElement>('[data-testid="slot"]')!.click();
    TestBed.tick();
    const hold = http.expectOne({ method: 'POST', url: `${BASE}/holds` });
    expect(hold.request.body).toEqual({ placeId: PLACE_ID, startsAt: SLOT.startsAt });
    hold.flush({
      holdId: HOLD_ID,
      holdToken: 'hold-token',
      expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
    await fixture.whenStable();
    return { fixture, element };
  }

  function fill(element: HTMLElement): void {
    type(element, 'party-0-name', 'Kari Nordmann');
    type(element, 'party-0-birth', '1990-04-01');
    type(element, 'party-0-email', 'kari@example.no');
    type(element, 'party-0-phone', '+47 91234567');
    element.querySelector<HTMLInputElement>('#party-0-residence')!.click();
    type(element, 'party-1-name', 'Jean Dupont');
    type(element, 'party-1-birth', '1988-10-12');
    type(element, 'party-1-email', 'jean@example.fr');
    type(element, 'party-1-phone', '+33 612345678');
    element.querySelector<HTMLInputElement>('#party-1-residence-abroad')!.click();
    type(element, 'witness-0-name', 'Ola Vitne');
    type(element, 'witness-0-birth', '1970-01-01');
    type(element, 'witness-1-name', 'Siri Vitne');
    type(element, 'witness-1-birth', '1980-01-01');
    type(element, 'ceremony-language', 'fr');
    type(element, 'guests', '12');
    type(element, 'certificate-issued', COUPLE.certificateIssuedOn);
  }

  it("shows each place's address with its capacity and accessibility", async () => {
    const fixture = TestBed.createComponent(BookingPage);
    TestBed.tick();
    http.expectOne(`${BASE}/info`).flush(INFO);
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http.expectOne((r) => r.url === `${BASE}/slots`).flush({ placeId: PLACE_ID, slots: [SLOT] });
    await fixture.whenStable();
    const about = (fixture.nativeElement as HTMLElement).querySelector(`[id="place-${PLACE_ID}-about"]`)?.textContent ?? '';
    expect(about).toContain('Rådhusgata 1, 9990 Fjordvik.');
    expect(about).toContain('Trinnfri adkomst.');
  });

  it('shows the information, the places and the free times, and holds a chosen time for 10 minutes', async () => {
    const { element } = await openForm();
    expect(text(element, 'h1')).toBe('Bestill borgerlig vigsel');
    expect(text(element, '[data-testid="wedding-info"]')).toBe('Vigsler på rådhuset fredager.');
    expect(text(element, '[data-testid="fee-info"]')).toContain('Andre betaler 1 200 kr.');
    expect(text(element, '[data-testid="hold"]')).toContain('Bryllupssalen');
    expect(text(element, '[data-testid="hold-until"]')).toContain('10 minutter igjen');
    expect(text(element, '[data-testid="hold-announcement"]')).toBe(
      'Høyst 10 minutter igjen til tiden ikke lenger er holdt av.',
    );
    expect(document.activeElement?.id).toBe('form-heading');
  });

  it('checks the form before sending, with each problem tied to its field', async () => {
    const { fixture, element } = await openForm();
    fill(element);
    type(element, 'witness-1-birth', addDays(DAY, -365 * 17));
    type(element, 'guests', '21');
    element.querySelector<HTMLButtonElement>('[data-testid="booking-submit"]')!.click();
    await fixture.whenStable();
    const links = [...element.querySelectorAll('[data-testid="booking-errors"] a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#witness-1-birth', '#guests']);
    expect(text(element, '#witness-1-birth-error')).toBe(
      'Vitne 2 må være fylt 18 år på vigselsdagen. Velg et annet vitne.',
    );
    expect(element.querySelector('#guests')?.getAttribute('aria-describedby')).toBe(
      'guests-help guests-error',
    );
    http.expectNone(`${BASE}/bookings`);
  });

  it('books, shows the API’s refusal at its field in the user’s language, and then the receipt', async () => {
    const { fixture, element } = await openForm();
    fill(element);
    element.querySelector<HTMLButtonElement>('[data-testid="booking-submit"]')!.click();
    TestBed.tick();
    const refused = http.expectOne({ method: 'POST', url: `${BASE}/bookings` });
    refused.flush(
      {
        code: 'WEDDING_CERTIFICATE_EXPIRED',
        message: 'Prøvingsattesten …',
        fields: [{ path: 'certificateIssuedOn', message: '2027-06-10' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    expect(text(element, '#certificate-issued-error')).toBe(
      'Prøvingsattesten gjelder ikke på vigselsdagen. Siste mulige dag for vigsel med denne attesten er torsdag 10. juni 2027.',
    );

    element.querySelector<HTMLButtonElement>('[data-testid="booking-submit"]')!.click();
    TestBed.tick();
    const request = http.expectOne({ method: 'POST', url: `${BASE}/bookings` });
    expect(request.request.body).toEqual({
      holdId: HOLD_ID,
      holdToken: 'hold-token',
      parties: COUPLE.parties,
      witnesses: COUPLE.witnesses,
      ceremonyLanguage: 'fr',
      guests: 12,
      certificateIssuedOn: COUPLE.certificateIssuedOn,
      locale: 'nb',
    });
    const created: BookingCreated = {
      reference: COUPLE.reference,
      manageToken: 'secret',
      booking: COUPLE,
    };
    request.flush(created);
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/vigsel/bekreftelse');
    expect(TestBed.inject(BookingReceipt).value()).toEqual(created);
  });

  it('shows the receipt with the private link once', async () => {
    TestBed.inject(BookingReceipt).set({
      reference: COUPLE.reference,
      manageToken: 'secret',
      booking: COUPLE,
    });
    const fixture = TestBed.createComponent(ReceiptPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(text(element, 'h1')).toBe('Vigselen er bestilt');
    expect(text(element, '[data-testid="booking-reference"]')).toBe('V-2027-0042');
    expect(text(element, '[data-testid="booking-fee"]')).toBe('Gratis');
    expect(element.querySelector<HTMLInputElement>('[data-testid="manage-link"]')?.value).toBe(
      'http://localhost/vigsel/V-2027-0042?token=secret',
    );
    expect(text(element, '#manage-link-help')).toContain('bare denne ene gangen');
  });

  it('lets the couple cancel through the private link, after a confirmation with Cancel', async () => {
    const fixture = TestBed.createComponent(ManagePage);
    fixture.componentRef.setInput('reference', COUPLE.reference);
    fixture.componentRef.setInput('token', 'secret');
    TestBed.tick();
    http
      .expectOne(
        (r) => r.url === `${BASE}/manage/V-2027-0042` && r.params.get('token') === 'secret',
      )
      .flush(COUPLE);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(text(element, '[data-testid="booking-status"]')).toBe('Bestilt');

    element.querySelector<HTMLButtonElement>('[data-testid="manage-cancel"]')!.click();
    await fixture.whenStable();
    const dialog = element.querySelector('[data-testid="manage-cancel-dialog"]');
    expect(dialog?.hasAttribute('open')).toBe(true);
    expect(text(element, '[data-testid="manage-cancel-dialog-cancel"]')).toBe('Avbryt');

    type(element, 'manage-reason', 'Sykdom');
    element
      .querySelector<HTMLButtonElement>('[data-testid="manage-cancel-dialog-confirm"]')!
      .click();
    TestBed.tick();
    const request = http.expectOne({
      method: 'DELETE',
      url: `${BASE}/manage/V-2027-0042?token=secret`,
    });
    expect(request.request.body).toEqual({ reason: 'Sykdom' });
    request.flush({ ...COUPLE, status: 'cancelled' });
    await fixture.whenStable();
    expect(text(element, '[data-testid="booking-status"]')).toBe('Avlyst');
    expect(text(element, '[data-testid="manage-status"]')).toContain('Vigselen er avlyst');
    expect(element.querySelector('[data-testid="manage-cancel"]')).toBeNull();
  });

  it('says so when the link’s token is wrong', async () => {
    const fixture = TestBed.createComponent(ManagePage);
    fixture.componentRef.setInput('reference', COUPLE.reference);
    fixture.componentRef.setInput('token', 'wrong');
    TestBed.tick();
    http
      .expectOne((r) => r.url === `${BASE}/manage/V-2027-0042`)
      .flush(
        { code: 'WEDDING_BOOKING_NOT_FOUND', message: 'Fant ikke.' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="manage-not-found"]'),
    ).not.toBeNull();
  });

  it('gives staff the next 8 weeks by day, and cancels with a required reason', async () => {
    const staffBooking: StaffBooking = {
      ...COUPLE,
      id: BOOKING_ID,
      officiant: null,
      certificateChecked: false,
      notes: '',
      cancelReason: null,
      registryNotice: 'not_due',
    };
    const fixture = TestBed.createComponent(StaffPage);
    TestBed.tick();
    http
      .expectOne(
        (r) =>
          r.url === '/api/weddings/bookings' &&
          r.params.get('from') === todayIso() &&
          r.params.get('to') === addDays(todayIso(), 55),
      )
      .flush({ items: [staffBooking] });
    http.expectOne('/api/weddings/officiants').flush({
      items: [
        {
          id: '8d1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          name: 'Ola Ordfører',
          kind: 'mayor',
          decisionRef: null,
          authorisedFrom: null,
          authorisedTo: null,
          active: true,
          userId: null,
        },
      ],
    });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const row = element.querySelector('[data-testid="booking-V-2027-0042"]')!;
    expect(row.textContent).toContain('Kari Nordmann');
    expect(text(row as HTMLElement, '[data-testid="officiant"]')).toBe('Ikke tildelt');
    expect(text(row as HTMLElement, '[data-testid="certificate"]')).toContain('Ikke kontrollert');
    expect(element.querySelector('[data-testid="day-list-link"]')?.getAttribute('href')).toBe(
      `/api/weddings/day-list.pdf?date=${DAY}`,
    );

    row.querySelector<HTMLButtonElement>('[data-testid="cancel"]')!.click();
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-testid="cancel-dialog-confirm"]')!.click();
    await fixture.whenStable();
    expect(text(element, '#cancel-reason-error')).toBe(
      'Skriv grunnen til avlysningen. Paret får den på e-post.',
    );
    http.expectNone(`/api/weddings/bookings/${BOOKING_ID}/cancel`);

    type(element, 'cancel-reason', 'Vigsleren er syk');
    element.querySelector<HTMLButtonElement>('[data-testid="cancel-dialog-confirm"]')!.click();
    TestBed.tick();
    const request = http.expectOne({
      method: 'POST',
      url: `/api/weddings/bookings/${BOOKING_ID}/cancel`,
    });
    expect(request.request.body).toEqual({ reason: 'Vigsleren er syk' });
    request.flush({ ...staffBooking, status: 'cancelled', cancelReason: 'Vigsleren er syk' });
    await fixture.whenStable();
    expect(text(element, '[data-testid="status"]')).toContain('Avlyst');
    expect(text(element, '[data-testid="staff-status"]')).toContain('er avlyst');
    expect(document.activeElement?.id).toBe(`booking-${BOOKING_ID}`);
  });
});
