import type { ElementHandle } from 'puppeteer-core';
import { AppPage } from './app-page.js';

export interface ImportProblemRow {
  line: string;
  field: string;
  message: string;
}

/** Importer medlemmer (`/organer/import`). */
export class ImportPage extends AppPage {
  async open(): Promise<void> {
    await this.goto('/organer/import');
    await this.page.waitForSelector('#import-file');
  }

  async chooseFile(path: string): Promise<void> {
    const input = (await this.page.$('#import-file')) as ElementHandle<HTMLInputElement> | null;
    if (!input) throw new Error('#import-file missing');
    await input.uploadFile(path);
    // A new file must be checked again before it can be imported.
    await this.page.waitForFunction(
      () => document.querySelector<HTMLButtonElement>('[data-testid="import-run"]')?.disabled === true,
    );
  }

  /** Runs the dry run and waits for its summary. */
  async check(): Promise<void> {
    await Promise.all([
      this.page.waitForResponse((r) => r.url().includes('/api/register/import?dryRun=true')),
      this.page.click('[data-testid="import-check"]'),
    ]);
    await this.page.waitForSelector('[data-testid="import-summary"]');
  }

  summary(): Promise<string> {
    return this.page.$eval('[data-testid="import-summary"]', (e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  problems(): Promise<ImportProblemRow[]> {
    return this.page.$$eval('[data-testid="import-problems"] tbody tr', (rows) =>
      rows.map((row) => {
        const [line, field, message] = [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
        return { line: line ?? '', field: field ?? '', message: message ?? '' };
      }),
    );
  }

  canImport(): Promise<boolean> {
    return this.page.$eval('[data-testid="import-run"]', (b) => !(b as HTMLButtonElement).disabled);
  }

  /** Imports the checked file; resolves when the success message is shown. */
  async run(): Promise<string> {
    await Promise.all([
      this.page.waitForResponse((r) => r.url().includes('/api/register/import?dryRun=false')),
      this.page.click('[data-testid="import-run"]'),
    ]);
    await this.page.waitForSelector('[data-testid="import-done"] a');
    return this.page.$eval('[data-testid="import-done"]', (e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  /** Follows the success message's link to a body. */
  async openImportedBody(name: string): Promise<void> {
    const links = await this.page.$$('[data-testid="import-done"] a');
    for (const link of links) {
      if ((await link.evaluate((a) => a.textContent?.trim())) === name) {
        await link.click();
        await this.page.waitForFunction(() => /^\/organer\/[0-9a-f-]{36}$/.test(location.pathname));
        await this.page.waitForSelector('[data-testid="members-table"]');
        return;
      }
    }
    throw new Error(`No link to ${name} in the import result`);
  }
}
