import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { AppPage } from './app-page.js';

/** The documents of a case (on the case page, `<app-case-documents>`) and the staff search page `/sok`. */
export class DocumentsPage extends AppPage {
  async openCase(caseId: string): Promise<void> {
    await this.goto(`/saker/${caseId}`);
    await this.page.waitForSelector('[data-testid="case-documents"] [data-testid="upload-form"]');
  }

  /** Chooses a file (written to a temporary file first), gives a title and submits the form. */
  async upload(title: string, filename: string, bytes: Uint8Array): Promise<void> {
    const file = path.join(tmpdir(), `${Date.now()}-${filename}`);
    await writeFile(file, bytes);
    const input = (await this.page.$('#document-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await this.setValue('#document-title', title);
    await Promise.all([
      this.page.waitForResponse((r) => r.url().includes('/documents') && r.request().method() === 'POST'),
      this.page.click('[data-testid="upload-submit"]'),
    ]);
  }

  listedTitles(): Promise<string[]> {
    return this.page.$$eval('[data-testid="document-list"] .document-main a', (links) =>
      links.map((a) => (a.childNodes[0]?.textContent ?? '').trim()),
    );
  }

  async waitForListed(title: string): Promise<void> {
    await this.page.waitForFunction(
      (t) => [...document.querySelectorAll('[data-testid="document-list"] .document-main a')].some((a) => a.textContent?.includes(t)),
      {},
      title,
    );
  }

  async refusal(): Promise<string> {
    await this.page.waitForSelector('[data-testid="upload-refusal"]');
    return this.page.$eval('[data-testid="upload-refusal"]', (e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  /** Searches from the search page's form, the way a user does. */
  async search(words: string): Promise<void> {
    await this.goto('/sok');
    await this.page.type('#search-words', words);
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector('[data-testid="search-count"]');
  }

  hitTitles(): Promise<string[]> {
    return this.page.$$eval('[data-testid="search-hit"] a strong', (hits) => hits.map((h) => h.textContent?.trim() ?? ''));
  }

  markedWords(): Promise<string[]> {
    return this.page.$$eval('[data-testid="search-snippet"] mark', (marks) => marks.map((m) => m.textContent?.trim() ?? ''));
  }
}
