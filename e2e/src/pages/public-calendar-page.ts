import { AppPage } from './app-page.js';

/** The public meeting calendar (/motekalender) and its pages, as a visitor without login sees them. */
export class PublicCalendarPage extends AppPage {
  async open(): Promise<void> {
    await this.goto('/motekalender');
    await this.page.waitForSelector('[data-testid="meeting-count"]');
  }

  /** The link texts of the meetings listed ("Kommunestyret, torsdag 11. februar 2027"). */
  meetingLinks(): Promise<{ text: string; href: string }[]> {
    return this.page.$$eval('[data-testid="meeting-card"] h3 a', (as) =>
      as.map((a) => ({ text: a.textContent?.replace(/\s+/g, ' ').trim() ?? '', href: a.getAttribute('href') ?? '' })),
    );
  }

  async openMeeting(meetingId: string): Promise<void> {
    await this.goto(`/motekalender/${meetingId}`);
    await this.page.waitForSelector('[data-testid="agenda"], [role="alert"]');
  }

  /** Each agenda item as number, heading text and whether it links to a case page. */
  agenda(): Promise<{ number: string; text: string; link: string | null }[]> {
    return this.page.$$eval('[data-testid="agenda-item"]', (items) =>
      items.map((li) => ({
        number: li.getAttribute('data-number') ?? '',
        text: (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        link: li.querySelector('h3 a')?.getAttribute('href') ?? null,
      })),
    );
  }

  async openItem(meetingId: string, itemId: string): Promise<void> {
    await this.goto(`/motekalender/${meetingId}/sak/${itemId}`);
    await this.page.waitForSelector('[data-testid="item-heading"]');
  }

  /** The headings of the case presentation, in order. */
  caseHeadings(): Promise<string[]> {
    return this.page.$$eval('[data-testid="saksframlegg"] h2', (hs) => hs.map((h) => h.textContent?.trim() ?? ''));
  }

  async search(words: string): Promise<void> {
    await this.goto(`/motekalender/sok?q=${encodeURIComponent(words)}`);
    await this.page.waitForSelector('[data-testid="hit-count"]');
  }

  hitTitles(): Promise<string[]> {
    return this.page.$$eval('[data-testid="hit"] h3', (hs) => hs.map((h) => h.textContent?.trim() ?? ''));
  }

  /** The whole visible text of the page. */
  text(): Promise<string> {
    return this.page.$eval('body', (b) => b.innerText);
  }

  /** True when nothing sticks out sideways (for the 360 px check). */
  fitsWidth(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  }
}
