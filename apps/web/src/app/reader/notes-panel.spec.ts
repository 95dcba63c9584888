import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Annotation } from '@sekretariat/contracts';
import { MUNICIPALITY, SECRETARIAT_USER } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { NotesPanel } from './notes-panel';
import { MemoryOutboxStore } from './offline/outbox';
import { OUTBOX_STORE } from './offline/reader-sync';

const DOC = '00000000-0000-4000-8000-0000000000d1';

function note(id: string, text: string, mine: boolean, page: number | null): Annotation {
  return {
    id,
    documentId: DOC,
    agendaItemId: null,
    page,
    quote: mine ? '' : 'fartsdumper ved skolen',
    text,
    shared: mine ? 'private' : 'group',
    rects: [],
    mine,
    authorName: mine ? 'Kari Nordmann' : 'Per Partifelle',
    version: 1,
    updatedAt: '2026-11-26T08:00:00.000Z',
    savedAt: '2026-11-26T08:00:00.000Z',
    deleted: false,
  };
}

async function settle(fixture: ComponentFixture<NotesPanel>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

describe('NotesPanel', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<NotesPanel>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [NotesPanel, translocoTesting()],
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        { provide: OUTBOX_STORE, useValue: new MemoryOutboxStore() },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user: SECRETARIAT_USER });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    fixture = TestBed.createComponent(NotesPanel);
    fixture.componentRef.setInput('target', { documentId: DOC, agendaItemId: null });
    fixture.componentRef.setInput('annotations', [
      note('a', 'Mitt notat', true, 2),
      note('b', 'Gruppas syn', false, 1),
      {
        ...note('c', 'Et annet dokument', true, 1),
        documentId: '00000000-0000-4000-8000-0000000000d2',
      },
    ]);
    fixture.componentRef.setInput('page', 3);
    await settle(fixture);
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  function texts(selector: string): string[] {
    const root = fixture.nativeElement as HTMLElement;
    return [...root.querySelectorAll(selector)].map(
      (e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
  }

  it("shows the document's notes by page, group members' with author and quote, and edit buttons only on own", () => {
    expect(texts('[data-testid="note-text"]')).toEqual(['Gruppas syn', 'Mitt notat']);
    const [group, own] = texts('[data-testid="note"]');
    expect(group).toContain('Fra Per Partifelle');
    expect(group).toContain('Delt med gruppen');
    expect(group).toContain('fartsdumper ved skolen');
    expect(group).not.toContain('Endre');
    expect(own).toContain('Ditt notat · side 2');
    expect(own).toContain('Endre');
  });

  it('saves a new note at the current page when asked, shared with the group', async () => {
    const root = fixture.nativeElement as HTMLElement;
    const textarea = root.querySelector<HTMLTextAreaElement>('#note-text')!;
    textarea.value = 'Husk å spørre om kostnaden.';
    textarea.dispatchEvent(new Event('input'));
    // Not tied to the page unless the user asks.
    expect(root.querySelector<HTMLInputElement>('#note-at-page')!.checked).toBe(false);
    root.querySelector<HTMLInputElement>('#note-at-page')!.click();
    root.querySelector<HTMLInputElement>('#note-shared')!.click();
    let changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
    root.querySelector<HTMLButtonElement>('[data-testid="note-save"]')!.click();
    await settle(fixture);
    const put = http.expectOne((request) => request.url.startsWith('/api/reader/annotations/'));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toMatchObject({
      documentId: DOC,
      agendaItemId: null,
      page: 3,
      text: 'Husk å spørre om kostnaden.',
      shared: 'group',
      baseVersion: 0,
    });
    put.flush({});
    await settle(fixture);
    expect(changed).toBe(1);
    expect(textarea.value).toBe('');
  });

  it('keeps the selected text as a highlight on its page, the note optional', async () => {
    const root = fixture.nativeElement as HTMLElement;
    const rects = [{ x: 0.1, y: 0.2, w: 0.5, h: 0.02 }];
    fixture.componentRef.setInput('selection', 'fartsdumper ved skolen');
    fixture.componentRef.setInput('selectionRects', { page: 2, rects });
    await settle(fixture);
    root.querySelector<HTMLButtonElement>('[data-testid="highlight-save"]')!.click();
    await settle(fixture);
    const put = http.expectOne((request) => request.url.startsWith('/api/reader/annotations/'));
    expect(put.request.body).toMatchObject({ documentId: DOC, page: 2, quote: 'fartsdumper ved skolen', text: '', rects, shared: 'private' });
    put.flush({});
    await settle(fixture);
  });

  it('asks for text before saving an empty note', async () => {
    const root = fixture.nativeElement as HTMLElement;
    root.querySelector<HTMLButtonElement>('[data-testid="note-save"]')!.click();
    await settle(fixture);
    expect(texts('[role="alert"]')).toEqual(['Skriv noe i notatet først.']);
  });
});
