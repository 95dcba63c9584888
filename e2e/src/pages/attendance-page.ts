import { AppPage } from './app-page.js';

/** Absence and substitutes: the member's absence link, the substitute's summons, the seat overview. */
export class AttendancePage extends AppPage {
  /** Opens a link from an e-mail on this server (the mail may name another host for the same site). */
  async openMailLink(link: string): Promise<void> {
    const url = new URL(link);
    await this.goto(`${url.pathname}${url.search}`);
  }

  /** Reports absence for the whole meeting with a reason, by keyboard: type, then Enter on the button. */
  async reportWholeMeeting(reason: string): Promise<string> {
    await this.page.waitForSelector('#link-absence-reason');
    await this.page.type('#link-absence-reason', reason);
    await this.page.focus('[data-testid="link-absence-submit"]');
    await Promise.all([
      this.page.waitForResponse((r) => /\/absence-links\//.test(r.url()) && r.request().method() === 'POST'),
      this.page.keyboard.press('Enter'),
    ]);
    return this.textOf('[data-testid="absence-reported"]');
  }

  async answer(answer: 'accept' | 'decline'): Promise<string> {
    await this.page.waitForSelector(`[data-testid="summons-${answer}"]`);
    await this.page.focus(`[data-testid="summons-${answer}"]`);
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith(`/${answer}`) && r.request().method() === 'POST'),
      this.page.keyboard.press('Enter'),
    ]);
    return this.textOf(`[data-testid="summons-${answer === 'accept' ? 'accepted' : 'declined'}"]`);
  }

  async openSeats(meetingId: string): Promise<void> {
    await this.goto(`/moter/${meetingId}/oppmote`);
    await this.page.waitForSelector('[data-testid="seats-table"]');
  }

  seatText(personId: string): Promise<string> {
    return this.textOf(`[data-testid="seat-${personId}"]`);
  }

  async textOf(selector: string): Promise<string> {
    await this.page.waitForSelector(selector);
    return this.page.$eval(selector, (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
}
