import { existsSync } from 'node:fs';
import { AxePuppeteer } from '@axe-core/puppeteer';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The system of this Jest worker (support/global-setup.mjs starts one per worker). */
export const BASE_URL =
  process.env[`E2E_BASE_URL_${process.env['JEST_WORKER_ID'] ?? '1'}`] ?? process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3987';

/** Full Chromium (not the headless shell): the e2e tests should see what a user's browser sees. */
export function chromiumPath(): string {
  const candidates = [process.env['PUPPETEER_EXECUTABLE_PATH'], '/usr/bin/chromium', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.filter(Boolean).join(', ')}): apt-get install chromium`);
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page; returns the violations, readable in a failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  // @axe-core/puppeteer may resolve its own copy of puppeteer-core's types: same runtime object.
  const axePage = page as unknown as ConstructorParameters<typeof AxePuppeteer>[0];
  const results = await new AxePuppeteer(axePage).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
