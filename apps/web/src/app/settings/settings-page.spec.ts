import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { DEFAULT_NOTICE_DAYS, type MunicipalitySettings } from '@sekretariat/contracts';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SettingsPage, parseWhole } from './settings-page';

function settings(overrides: Partial<MunicipalitySettings> = {}): MunicipalitySettings {
  return {
    noticeDays: { ...DEFAULT_NOTICE_DAYS },
    writtenStandard: 'nb',
    remoteMeetingsAllowed: false,
    remoteMeetingsDecision: '',
    protocolSignatories: 2,
    substituteAnswerHours: 24,
    documentName: '',
    municipalityName: 'Fjordvik kommune',
    coatOfArms: null,
    updatedAt: null,
    ...overrides,
  };
}

describe('parseWhole', () => {
  it.each([
    ['14', 14],
    [' 7 ', 7],
    ['0', 0],
    ['61', null],
    ['-1', null],
    ['2,5', null],
    ['fjorten', null],
    ['', null],
  ])('reads %p as %p (0–60)', (text, expected) => {
    expect(parseWhole(text, 0, 60)).toBe(expected);
  });
});

describe('SettingsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SettingsPage>;
  let element: HTMLElement;

  const input = (id: string) => {
    const found = element.querySelector<HTMLInputElement>(`#${id}`);
    if (!found) throw new Error(`#${id} missing`);
    return found;
  };
  const type = (id: string, value: string) => {
    const field = input(id);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  const click = (testId: string) => {
    element.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)?.click();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SettingsPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SettingsPage);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne('/api/municipality/settings').flush(settings());
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  it('shows the settings grouped as meetings, documents and protocol, with the defaults', () => {
    const headings = [...element.querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings).toEqual(['Møter', 'Dokumenter', 'Protokoll', 'Kommunevåpen']);
    expect(input('notice-kommunestyre').value).toBe('14');
    expect(input('notice-formannskap').value).toBe('7');
    expect(element.querySelector('label[for="notice-kommunestyre"]')?.textContent).toContain(
      'Kommunestyre',
    );
    expect(input('written-standard-nb').checked).toBe(true);
    expect(input('substitute-hours').value).toBe('24');
    expect(element.querySelector<HTMLSelectElement>('#signatories')?.value).toContain('2');
    expect(element.querySelector('#document-name-help')?.textContent).toContain(
      '«Fjordvik kommune»',
    );
    expect(element.querySelector('[data-testid="arms-none"]')).not.toBeNull();
    // The decision field appears only once remote meetings are allowed.
    expect(element.querySelector('#remote-decision')).toBeNull();
  });

  it('saves the changed settings', async () => {
    type('notice-kommunestyre', '10');
    input('written-standard-nn').click();
    input('remote-allowed').click();
    await fixture.whenStable();
    type('remote-decision', 'PS 41/23');
    click('settings-submit');
    TestBed.tick();
    const put = http.expectOne('/api/municipality/settings');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      noticeDays: { ...DEFAULT_NOTICE_DAYS, kommunestyre: 10 },
      writtenStandard: 'nn',
      remoteMeetingsAllowed: true,
      remoteMeetingsDecision: 'PS 41/23',
      substituteAnswerHours: 24,
      documentName: '',
      protocolSignatories: 2,
    });
    put.flush(
      settings({
        noticeDays: { ...DEFAULT_NOTICE_DAYS, kommunestyre: 10 },
        writtenStandard: 'nn',
        remoteMeetingsAllowed: true,
        remoteMeetingsDecision: 'PS 41/23',
      }),
    );
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="settings-saved"]')?.textContent).toContain(
      'Innstillingene er lagret',
    );
  });

  it('names the fields with bad values in the error summary, without calling the API', async () => {
    type('notice-utvalg', '90');
    type('substitute-hours', '0');
    input('remote-allowed').click();
    await fixture.whenStable();
    click('settings-submit');
    await fixture.whenStable();
    const summary = element.querySelector('[data-testid="settings-errors"]');
    expect(summary?.getAttribute('role')).toBe('alert');
    const links = [...(summary?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#notice-utvalg', '#substitute-hours', '#remote-decision']);
    expect(summary?.textContent).toContain('Skriv et helt antall dager fra 0 til 60');
    expect(input('notice-utvalg').getAttribute('aria-invalid')).toBe('true');
    expect(input('notice-utvalg').getAttribute('aria-describedby')).toBe('notice-utvalg-error');
    http.expectNone('/api/municipality/settings');
  });

  it("shows the API's refusal of a coat of arms in the user's language, and the preview once uploaded", async () => {
    TestBed.inject(TranslocoService).setActiveLang('nn');
    await fixture.whenStable();
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'vapen.png', {
      type: 'image/png',
    });
    const chooser = input('arms-file');
    Object.defineProperty(chooser, 'files', { value: [file] });
    chooser.dispatchEvent(new Event('change'));
    click('arms-upload');
    TestBed.tick();
    const refused = http.expectOne('/api/municipality/settings/coat-of-arms');
    expect(refused.request.method).toBe('PUT');
    expect(refused.request.body).toBeInstanceOf(FormData);
    refused.flush(
      {
        code: 'COAT_OF_ARMS_BROKEN',
        message: 'PNG-filen er skadet eller ufullstendig.',
        requestId: 'r',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="arms-errors"]')?.textContent).toContain(
      'PNG-fila er skadd eller ufullstendig',
    );
    click('arms-upload');
    TestBed.tick();
    http
      .expectOne('/api/municipality/settings/coat-of-arms')
      .flush(
        settings({
          coatOfArms: {
            width: 120,
            height: 140,
            bytes: 2048,
            updatedAt: '2026-12-07T10:00:00Z',
            url: '/api/public/demo/coat-of-arms.png?v=1',
          },
        }),
      );
    await fixture.whenStable();
    const preview = element.querySelector<HTMLImageElement>('[data-testid="arms-preview"]');
    expect(preview?.getAttribute('src')).toBe('/api/public/demo/coat-of-arms.png?v=1');
    expect(preview?.getAttribute('alt')).toBe('Kommunevåpenet slik det står i dokumenta');
    expect(element.querySelector('[data-testid="arms-message"]')?.textContent).toContain(
      'lasta opp',
    );
  });

  it('refuses an SVG before sending it', async () => {
    const chooser = input('arms-file');
    Object.defineProperty(chooser, 'files', {
      value: [new File(['<svg/>'], 'vapen.svg', { type: 'image/svg+xml' })],
    });
    chooser.dispatchEvent(new Event('change'));
    click('arms-upload');
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="arms-errors"]')?.textContent).toContain(
      'ikke en PNG',
    );
    http.expectNone('/api/municipality/settings/coat-of-arms');
  });
});
