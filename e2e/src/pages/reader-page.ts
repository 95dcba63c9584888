import { AppPage } from './app-page.js';

/** The elected officials' reader: Mine møter (`/lesesal`), a meeting, an item with its papers and notes. */
export class ReaderPage extends AppPage {
  async openMyMeetings(): Promise<void> {
    await this.clickLink('Mine møter');
    await this.page.waitForSelector('[data-testid="reader-meeting"]');
  }

  /** From Mine møter, the meeting by its id (the link to it). */
  async openMeetingFromList(meetingId: string): Promise<void> {
    await Promise.all([
      this.page.waitForFunction((id) => location.pathname === `/lesesal/${id}`, {}, meetingId),
      this.page.click(`a[href="/lesesal/${meetingId}"]`),
    ]);
    await this.waitForMeeting();
  }

  async waitForMeeting(): Promise<void> {
    await this.waitForHeading();
    await this.page.waitForSelector('[data-testid="reader-item"]');
  }

  /** The offline status once it has settled ('available', 'failed' or 'unsupported'). */
  async offlineState(): Promise<string> {
    await this.page.waitForSelector(
      '[data-testid="offline-state"]:is([data-state="available"], [data-state="failed"], [data-state="unsupported"])',
      { timeout: 30000 },
    );
    return this.page.$eval('[data-testid="offline-state"]', (e) => e.getAttribute('data-state') ?? '');
  }

  /** Read state of each item on the meeting page, by title: true when read. */
  async itemReadStates(): Promise<Record<string, boolean>> {
    return this.page.$$eval('[data-testid="reader-item"]', (items) =>
      Object.fromEntries(
        items.map((item) => [
          item.querySelector('[data-testid="reader-item-link"]')?.textContent?.trim() ?? '',
          item.querySelector('[data-testid="item-read-state"]')?.getAttribute('data-read') === 'true',
        ]),
      ),
    );
  }

  async itemReadText(title: string): Promise<string> {
    return this.page.$$eval(
      '[data-testid="reader-item"]',
      (items, t) =>
        items
          .find((item) => item.querySelector('[data-testid="reader-item-link"]')?.textContent?.trim() === t)
          ?.querySelector('[data-testid="item-read-state"]')
          // Without the icon (aria-hidden): what a screen reader says.
          ?.textContent?.replace(/^[^\p{L}]+/u, '')
          .trim() ?? '',
      title,
    );
  }

  async openItem(title: string): Promise<void> {
    await this.clickLink(title);
    await this.page.waitForSelector('[data-testid="saksframlegg"], [data-testid="document-view"]');
  }

  /** The saksframlegg's section headings, in order. */
  caseHeadings(): Promise<string[]> {
    return this.page.$$eval('[data-testid="saksframlegg"] h3', (hs) =>
      hs.map((h) => h.textContent?.trim() ?? ''),
    );
  }

  caseText(): Promise<string> {
    return this.page.$eval('[data-testid="saksframlegg"]', (e) => e.textContent ?? '');
  }

  async search(words: string): Promise<string[]> {
    await this.page.type('#reader-search', words);
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector('[data-testid="search-count"], [data-testid="search-failed"]');
    return this.page.$$eval('[data-testid="search-hit"] a', (as) =>
      as.map((a) => a.textContent?.trim() ?? ''),
    );
  }

  /** Writes a note in the notes panel and saves it; resolves with the announced status. */
  async addNote(text: string, options: { share?: boolean } = {}): Promise<string> {
    await this.page.type('#note-text', text);
    if (options.share) await this.page.click('#note-shared');
    await this.page.click('[data-testid="note-save"]');
    await this.page.waitForFunction(
      (t) =>
        [...document.querySelectorAll('[data-testid="note-text"]')].some((n) => n.textContent?.trim() === t),
      {},
      text,
    );
    return this.status();
  }

  noteTexts(): Promise<string[]> {
    return this.page.$$eval('[data-testid="note-text"]', (ns) => ns.map((n) => n.textContent?.trim() ?? ''));
  }

  /** The line above the note with this text: who wrote it ('Fra …' for a group member's), page, sharing. */
  noteMeta(text: string): Promise<string> {
    return this.page.$$eval(
      '[data-testid="note"]',
      (notes, t) =>
        notes
          .find((n) => n.querySelector('[data-testid="note-text"]')?.textContent?.trim() === t)
          ?.querySelector('.note-meta')
          ?.textContent?.replace(/\s+/g, ' ')
          .trim() ?? '',
      text,
    );
  }

  async waitForNote(text: string): Promise<void> {
    await this.page.waitForFunction(
      (t) =>
        [...document.querySelectorAll('[data-testid="note-text"]')].some((n) => n.textContent?.trim() === t),
      {},
      text,
    );
  }

  async status(): Promise<string> {
    await this.page.waitForFunction(
      () => !!document.querySelector('[data-testid="reader-status"] p')?.textContent?.trim(),
    );
    return this.page.$eval(
      '[data-testid="reader-status"] p',
      (p) => p.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
  }

  async markRead(): Promise<void> {
    await this.page.click('[data-testid="mark-read"]');
    await this.page.waitForSelector('main [data-testid="item-read-state"][data-read="true"]');
  }

  async isRead(): Promise<boolean> {
    return this.page.$eval(
      'main [data-testid="item-read-state"]',
      (e) => e.getAttribute('data-read') === 'true',
    );
  }

  async openDocument(title: string): Promise<void> {
    await this.clickLinkInPlace(title);
    await this.page.waitForSelector('[data-testid="document-view"]');
  }

  /** The text in the PDF viewer's text layer, once drawn. */
  async pdfText(): Promise<string> {
    await this.page.waitForFunction(
      () => (document.querySelector('[data-testid="pdf-text"]')?.textContent ?? '').trim().length > 0,
      {
        timeout: 30000,
      },
    );
    return this.page.$eval('[data-testid="pdf-text"]', (e) => e.textContent ?? '');
  }

  /** A link that changes only the query string (the page and its heading stay). */
  private async clickLinkInPlace(text: string): Promise<void> {
    const before = this.page.url();
    const links = await this.page.$$('main a');
    for (const link of links) {
      if ((await link.evaluate((a) => a.textContent?.trim() ?? '')) === text) {
        await link.click();
        await this.page.waitForFunction((prev) => location.href !== prev, {}, before);
        return;
      }
    }
    throw new Error(`No link "${text}" on ${this.page.url()}`);
  }
}
