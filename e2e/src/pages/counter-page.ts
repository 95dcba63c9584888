import { AppPage } from './app-page.js';

/** What a lookup showed (data-state of the result card). */
export type VoterState = 'own' | 'other' | 'alreadyVoted' | 'notInRoll' | 'several';

/** The counter (/valg/skranke), driven by keyboard as a clerk with a barcode scanner would. */
export class CounterPage extends AppPage {
  async open(): Promise<void> {
    await this.goto('/valg/skranke');
    await this.page.waitForSelector('[data-testid="counter-setup"] select, #voter-search');
  }

  /** Chooses election and place the first time; the browser remembers them afterwards. */
  async choose(electionId: string, placeId: string): Promise<void> {
    await this.page.waitForSelector('#counter-election');
    await this.page.select('#counter-election', electionId);
    await this.page.waitForSelector(`#counter-place option[value="${placeId}"]`);
    await this.page.select('#counter-place', placeId);
    await this.page.click('[data-testid="counter-start"]');
    await this.waitForFocus('voter-search');
  }

  focusedId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.id || null);
  }

  async waitForFocus(id: string): Promise<void> {
    await this.page.waitForFunction((want) => document.activeElement?.id === want, {}, id);
  }

  /** Esc, then the number typed (or scanned: the digits and Enter); returns the state shown. */
  async lookUp(personalNumber: string, options: { scanner?: boolean } = {}): Promise<VoterState> {
    await this.page.keyboard.press('Escape');
    await this.waitForFocus('voter-search');
    await this.page.waitForSelector('[data-testid="counter-ready"]');
    await this.page.keyboard.type(personalNumber, { delay: options.scanner ? 0 : 20 });
    if (options.scanner) await this.page.keyboard.press('Enter');
    const card = await this.page.waitForSelector('[data-testid="lookup-result"] [data-state]');
    return (await card!.evaluate((e) => e.getAttribute('data-state'))) as VoterState;
  }

  resultText(): Promise<string> {
    return this.page.$eval('[data-testid="lookup-result"]', (e) =>
      (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  }

  /** The clerk's part after a lookup: envelope number if asked for, identity checked (Space), Enter. */
  async register(envelopeSerial?: string): Promise<string> {
    if (envelopeSerial !== undefined) {
      await this.waitForFocus('envelope-serial');
      await this.page.keyboard.type(envelopeSerial);
      await this.page.keyboard.press('Enter');
    }
    await this.waitForFocus('identity-checked');
    await this.page.keyboard.press('Space');
    await this.page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('[data-testid="register-vote"]')?.disabled,
    );
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/votes') && r.request().method() === 'POST'),
      this.page.keyboard.press('Enter'),
    ]);
    const done = await this.page.waitForSelector('[data-testid="register-done"]');
    await this.waitForFocus('voter-search');
    return done!.evaluate((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /** What the clerk is to write on the envelope (the next step after a lookup). */
  envelopeNote(): Promise<string> {
    return this.page.$eval('[data-testid="envelope-note"]', (e) => e.textContent?.trim() ?? '');
  }

  /** The next step shown after a lookup: the ballot box or an envelope. */
  nextStep(): Promise<string | null> {
    return this.page.$eval('[data-testid="next-step"]', (e) => e.getAttribute('data-action'));
  }

  /** The status of the last registration as the API answered it: approved or received. */
  doneStatus(): Promise<string | null> {
    return this.page.$eval('[data-testid="register-done"]', (e) => e.getAttribute('data-status'));
  }

  /**
   * A voter not in the roll: the number stays selected in the search (it is most often mistyped),
   * so the clerk goes on to the envelope number, the municipality the voter names, the identity.
   */
  async registerNotInRoll(envelopeSerial: string, municipality: string): Promise<string> {
    await this.page.focus('#envelope-serial');
    await this.page.keyboard.type(envelopeSerial);
    await this.page.keyboard.press('Enter');
    await this.waitForFocus('voter-municipality');
    await this.page.keyboard.type(municipality);
    await this.page.keyboard.press('Enter');
    return this.register();
  }

  /** Angre: opens the dialog (scanned with axe while open), gives the reason, confirms. */
  async undo(reason: string): Promise<{ text: string; violations: string[] }> {
    await this.page.click('[data-testid="undo-vote"]');
    await this.page.waitForSelector('[data-testid="undo-dialog"][open]');
    // Scanned once the opening animation is over (mid-fade the contrast is not final).
    await this.page.waitForFunction(() =>
      (document.querySelector('[data-testid="undo-dialog"]')?.getAnimations({ subtree: true }) ?? []).every((a) => a.playState === 'finished'),
    );
    await this.waitForFocus('undo-reason');
    const violations = await this.scan();
    await this.page.keyboard.type(reason);
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/undo') && r.request().method() === 'POST'),
      this.page.click('[data-testid="undo-submit"]'),
    ]);
    const done = await this.page.waitForSelector('[data-testid="undo-done"]');
    await this.waitForFocus('voter-search');
    return { text: await done!.evaluate((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()), violations };
  }

  todayCount(): Promise<string> {
    return this.page.$eval('[data-testid="today-count"]', (e) => e.textContent?.trim() ?? '');
  }
  /** Waits until the day's count shows `expected` (it is read from the server after each vote). */
  async waitForTodayCount(expected: string): Promise<string> {
    await this.page.waitForFunction(
      (value) => document.querySelector('[data-testid="today-count"]')?.textContent?.trim() === value,
      {},
      expected,
    );
    return this.todayCount();
  }
}
