import { AppPage } from './app-page.js';

/** The organisers' pages: the election list (/valg) and one election (/valg/:id). */
export class ElectionsPage extends AppPage {
  async openList(): Promise<void> {
    await this.goto('/valg');
    await this.page.waitForSelector('[data-testid="elections-table"], [data-testid="elections-empty"]');
  }

  electionNames(): Promise<string[]> {
    return this.page.$$eval('[data-testid="elections-table"] tbody a', (as) =>
      as.map((a) => a.textContent?.trim() ?? ''),
    );
  }

  async openElection(name: string): Promise<void> {
    await this.clickLink(name);
    await this.page.waitForSelector('[data-testid="election-facts"]');
    await this.page.waitForSelector('[data-testid="places-table"], [data-testid="places-empty"]');
    await this.page.waitForSelector('[data-testid="report-totals"]');
  }

  rollSize(): Promise<string> {
    return this.page.$eval('[data-testid="roll-size"]', (e) => e.textContent?.trim() ?? '');
  }

  placeNames(): Promise<string[]> {
    return this.page.$$eval('[data-testid="places-table"] tbody th', (ths) =>
      ths.map((th) => th.childNodes[0]?.textContent?.trim() ?? ''),
    );
  }

  /** Totals of the report: accepted, envelopes, rejected. */
  reportTotals(): Promise<string[]> {
    return this.page.$$eval('[data-testid="report-totals"] dd', (dds) =>
      dds.map((dd) => dd.textContent?.trim() ?? ''),
    );
  }

  /** Uploads a roll file through #roll-file and waits until the import job has finished. */
  async uploadRoll(file: string): Promise<'completed' | 'failed'> {
    const input = await this.page.waitForSelector('input#roll-file');
    await input!.uploadFile(file);
    await this.page.click('[data-testid="roll-upload"]');
    const result = await this.page.waitForSelector(
      '[data-testid="roll-completed"], [data-testid="roll-failed"]',
      { timeout: 30_000 },
    );
    const id = await result!.evaluate((e) => e.getAttribute('data-testid'));
    return id === 'roll-completed' ? 'completed' : 'failed';
  }

  rejectedLines(): Promise<{ line: string; reason: string }[]> {
    return this.page.$$eval('[data-testid="roll-rejected"] tbody tr', (rows) =>
      rows.map((row) => ({
        line: row.children[0]?.textContent?.trim() ?? '',
        reason: row.children[1]?.textContent?.trim() ?? '',
      })),
    );
  }
}
