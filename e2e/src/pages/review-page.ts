import { AppPage } from './app-page.js';

/** A received vote as the board sees it in the queue. */
export interface ReviewRow {
  id: string;
  text: string;
  reason: string;
  otherVotes: string[];
}

/**
 * The election board's pages: the prøving of received votes (/valg/:id/proving), and on the
 * election page, cancelling a vote found by the voter's name or personal number.
 */
export class ReviewPage extends AppPage {
  async open(electionId: string): Promise<void> {
    await this.goto(`/valg/${electionId}/proving`);
    await this.waitForQueue();
  }

  async waitForQueue(): Promise<void> {
    await this.page.waitForSelector('[data-testid="review-table"], [data-testid="review-empty"]');
  }

  rows(): Promise<ReviewRow[]> {
    return this.page.$$eval('[data-testid="review-row"]', (rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-vote-id') ?? '',
        text: (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
        reason: row.querySelector('[data-testid="review-reason"]')?.textContent?.trim() ?? '',
        otherVotes: [...row.querySelectorAll('[data-testid="review-other-votes"] li')].map((li) =>
          (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      })),
    );
  }

  /** Chooses a vote by keyboard: its checkbox, Space. */
  async choose(voteId: string): Promise<void> {
    await this.page.focus(`#review-choose-${voteId}`);
    await this.page.keyboard.press('Space');
    await this.page.waitForFunction((id) => document.querySelector<HTMLInputElement>(`#review-choose-${id}`)?.checked, {}, voteId);
  }

  approve(): Promise<string> {
    return this.decide('[data-testid="review-approve"]');
  }

  async reject(ground: string): Promise<string> {
    await this.page.select('#reject-ground', ground);
    return this.decide('[data-testid="review-reject"]');
  }

  private async decide(button: string): Promise<string> {
    const decided = this.page.waitForResponse((r) => r.url().endsWith('/review/decisions') && r.request().method() === 'POST');
    // The queue is read again after a decision (and after a refusal of one).
    const reread = this.page.waitForResponse((r) => /\/review(\?|$)/.test(r.url()) && r.request().method() === 'GET');
    await this.page.click(button);
    await Promise.all([decided, reread]);
    const done = await this.page.waitForSelector('[data-testid="review-done"], [data-testid="review-errors"]');
    return done!.evaluate((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /** On the election page: the board's search for a voter's votes, to cancel one. */
  async searchVotes(q: string): Promise<{ status: string; text: string }[]> {
    await this.setValue('#cancel-search', '');
    await this.page.focus('#cancel-search');
    await this.page.keyboard.type(q);
    await Promise.all([
      this.page.waitForResponse((r) => r.url().includes('/votes/search') && r.request().method() === 'GET'),
      this.page.keyboard.press('Enter'),
    ]);
    await this.page.waitForSelector('[data-testid="cancel-results"], [data-testid="cancel-no-results"]');
    return this.page.$$eval('[data-testid="cancel-row"]', (rows) =>
      rows.map((row) => ({
        status: row.getAttribute('data-status') ?? '',
        text: (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }

  /** Cancels the first cancellable vote found, confirming with a reason; axe scans the open dialog. */
  async cancelFirst(reason: string): Promise<{ summary: string; done: string; violations: string[] }> {
    await this.page.click('[data-testid="cancel-choose"]');
    await this.page.waitForSelector('[data-testid="cancel-dialog"][open]');
    // Scanned once the opening animation is over (mid-fade the contrast is not final).
    await this.page.waitForFunction(() =>
      (document.querySelector('[data-testid="cancel-dialog"]')?.getAnimations({ subtree: true }) ?? []).every((a) => a.playState === 'finished'),
    );
    await this.page.waitForFunction(() => document.activeElement?.id === 'cancel-reason');
    const summary = await this.page.$eval('[data-testid="cancel-summary"]', (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
    const violations = await this.scan();
    await this.page.keyboard.type(reason);
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/cancel') && r.request().method() === 'POST'),
      this.page.click('[data-testid="cancel-submit"]'),
    ]);
    const done = await this.page.waitForSelector('[data-testid="cancel-done"]');
    return { summary, done: await done!.evaluate((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()), violations };
  }
}
