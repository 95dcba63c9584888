import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { EnvelopeRegister, ReceivedEnvelope } from '@sekretariat/contracts';
import { ELECTION_ID, VOTE_ID, ENVELOPE_VOTE_ID } from '../../../testing/election-fixtures';
import { translocoTesting } from '../../../testing/i18n-testing';
import { apiInterceptor } from '../../core/api/api.interceptor';
import { EnvelopesPanel, envelopeProblems } from './envelopes-panel';

const RECEIVED: ReceivedEnvelope = {
  id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  fromMunicipalityNumber: '0301',
  fromMunicipalityName: 'Oslo',
  serial: 'R-1',
  arrivedAt: '2027-09-14T15:01:00.000Z',
  late: true,
  receivedBy: 'sekretariat',
  voterMasked: null,
  status: 'received',
  rejectGround: null,
};

const REGISTER: EnvelopeRegister = {
  deadline: '2027-09-14T15:00:00.000Z',
  sent: [],
  received: [RECEIVED],
  unsent: [
    {
      id: VOTE_ID,
      voterMunicipalityNumber: '0301',
      castAt: '2027-09-01T08:00:00.000Z',
      envelopeSerial: 'K-7',
    },
    {
      id: ENVELOPE_VOTE_ID,
      voterMunicipalityNumber: '4601',
      castAt: '2027-09-01T09:00:00.000Z',
      envelopeSerial: null,
    },
  ],
};

describe('EnvelopesPanel', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<EnvelopesPanel>;
  let element: HTMLElement;
  const testId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => testId(id)?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  const type = (id: string, value: string) => {
    const input = element.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [EnvelopesPanel, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EnvelopesPanel);
    fixture.componentRef.setInput('electionId', ELECTION_ID);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne(`/api/elections/${ELECTION_ID}/envelopes`).flush(REGISTER);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  it('checks the fields before sending', () => {
    expect(
      envelopeProblems('received', {
        number: '301',
        name: ' ',
        serial: '',
        personalNumber: '123',
      }).map((p) => p.field),
    ).toEqual(['received-number', 'received-name', 'received-serial', 'received-voter']);
    expect(
      envelopeProblems('sent', { number: '0301', name: 'Oslo', serial: 'S-1', sentOn: '' }).map(
        (p) => p.field,
      ),
    ).toEqual(['sent-date']);
    expect(envelopeProblems('received', { number: '0301', name: 'Oslo', serial: 'R-2' })).toEqual(
      [],
    );
  });

  it('shows the deadline and the envelopes received, late ones marked', () => {
    expect(text('envelopes-deadline')).toContain('14.09.2027');
    const row = testId('received-row')!;
    expect(row.getAttribute('data-late')).toBe('true');
    expect(row.textContent).toContain('For sent');
    expect(row.textContent).toContain('0301 Oslo');
  });

  it('registers an envelope received and says when it came too late', async () => {
    testId('received-submit')!.click();
    await fixture.whenStable();
    expect(text('received-errors')).toContain('fire siffer');
    type('received-number', '0301');
    type('received-name', 'Oslo');
    type('received-serial', 'R-2');
    testId('received-submit')!.click();
    const request = http.expectOne({
      method: 'POST',
      url: `/api/elections/${ELECTION_ID}/envelopes/received`,
    });
    expect(request.request.body).toEqual({
      fromMunicipalityNumber: '0301',
      fromMunicipalityName: 'Oslo',
      serial: 'R-2',
      arrivedAt: null,
      personalNumber: null,
    });
    request.flush({ ...RECEIVED, serial: 'R-2' });
    await new Promise((resolve) => setTimeout(resolve));
    http
      .expectOne(`/api/elections/${ELECTION_ID}/envelopes`)
      .flush({ ...REGISTER, received: [RECEIVED, { ...RECEIVED, serial: 'R-2' }] });
    await fixture.whenStable();
    expect(text('received-done')).toContain('kom for sent');
    expect(element.querySelectorAll('[data-testid="received-row"]')).toHaveLength(2);
  });

  it("sends the chosen votes of the municipality's voters, and shows the API's refusal at the form", async () => {
    type('sent-number', '4601');
    fixture.detectChanges();
    const boxes = element.querySelectorAll<HTMLInputElement>(
      '[data-testid="sent-votes"] input[type="checkbox"]',
    );
    expect(boxes).toHaveLength(1);
    boxes[0]!.click();
    type('sent-name', 'Bergen');
    type('sent-serial', 'S-1');
    type('sent-date', '2027-09-02');
    testId('sent-submit')!.click();
    const request = http.expectOne({
      method: 'POST',
      url: `/api/elections/${ELECTION_ID}/envelopes/sent`,
    });
    expect(request.request.body).toEqual({
      toMunicipalityNumber: '4601',
      toMunicipalityName: 'Bergen',
      serial: 'S-1',
      sentOn: '2027-09-02',
      voteIds: [ENVELOPE_VOTE_ID],
    });
    request.flush(
      {
        code: 'ENVELOPE_SERIAL_TAKEN',
        message: 'Konvolutt nummer S-1 til kommune 4601 er allerede registrert.',
        fields: [{ path: 'serial', message: 'Allerede registrert.' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(text('sent-errors')).toContain('allerede registrert');
    expect(element.querySelector('#sent-serial')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('lets the board reject a late envelope as late, and shows no decision to others', async () => {
    expect(testId('envelope-decide')).toBeNull();
    fixture.componentRef.setInput('board', true);
    fixture.detectChanges();
    const button = testId('envelope-decide')!;
    expect(button.textContent).toContain('Forkast: kom for sent');
    button.click();
    const request = http.expectOne({
      method: 'POST',
      url: `/api/elections/${ELECTION_ID}/envelopes/received/${RECEIVED.id}/decision`,
    });
    expect(request.request.body).toEqual({ decision: 'reject', ground: 'late' });
    request.flush({ ...RECEIVED, status: 'rejected', rejectGround: 'late' });
    await new Promise((resolve) => setTimeout(resolve));
    http
      .expectOne(`/api/elections/${ELECTION_ID}/envelopes`)
      .flush({
        ...REGISTER,
        received: [{ ...RECEIVED, status: 'rejected', rejectGround: 'late' }],
      });
    await fixture.whenStable();
    expect(testId('envelope-decide')).toBeNull();
    expect(testId('received-row')!.textContent).toContain('Forkastet');
  });
});
