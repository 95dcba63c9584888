import { accessSync, constants, statSync } from 'node:fs';
import { basename } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer-core';

/** Tried in this order when PUPPETEER_EXECUTABLE_PATH is unset (docs/stack.md, "Browser for PDFs"). */
export const DEFAULT_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/google-chrome',
];

/**
 * Chromium flags for rendering PDFs on a server. The background-networking group stops Chromium from
 * reaching the internet at start-up; --no-sandbox because the API may run as root in a container.
 */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LAUNCH_TIMEOUT_MS = 20_000;
/** A CDP call that takes longer than this means the browser hangs; puppeteer's default is 3 minutes. */
const PROTOCOL_TIMEOUT_MS = 60_000;

export class BrowserNotFoundError extends Error {
  constructor(
    readonly tried: readonly string[],
    configured: boolean,
  ) {
    super(
      configured
        ? `PUPPETEER_EXECUTABLE_PATH=${tried[0]} is not an executable file. Fix the path or unset it to use ` +
            `one of ${DEFAULT_BROWSER_PATHS.join(', ')}.`
        : `No Chromium found for PDF rendering. Tried: ${tried.join(', ')}. Install one ` +
            `(apt-get install chromium-headless-shell) or set PUPPETEER_EXECUTABLE_PATH.`,
    );
    this.name = 'BrowserNotFoundError';
  }
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser to launch. An explicitly configured path must exist: silently falling back to another browser
 * would hide a typo in the configuration.
 */
export function findBrowserExecutable(
  configuredPath: string | undefined,
  isExecutable: (path: string) => boolean = isExecutableFile,
): string {
  if (configuredPath) {
    if (isExecutable(configuredPath)) return configuredPath;
    throw new BrowserNotFoundError([configuredPath], true);
  }
  const found = DEFAULT_BROWSER_PATHS.find((path) => isExecutable(path));
  if (!found) throw new BrowserNotFoundError(DEFAULT_BROWSER_PATHS, false);
  return found;
}

/** chromium-headless-shell is the old headless mode as its own binary; puppeteer calls that mode 'shell'. */
export function isHeadlessShell(executablePath: string): boolean {
  return basename(executablePath).includes('headless-shell');
}

export function browserLaunchOptions(executablePath: string): LaunchOptions {
  return {
    executablePath,
    headless: isHeadlessShell(executablePath) ? 'shell' : true,
    args: [...BROWSER_ARGS],
    // No user-data-dir given: puppeteer creates a fresh temporary profile and removes it when the browser
    // exits (also after a crash, and when Node exits).
    timeout: LAUNCH_TIMEOUT_MS,
    protocolTimeout: PROTOCOL_TIMEOUT_MS,
    // Shutdown is Nest's job (OnModuleDestroy); puppeteer still kills the browser if Node exits.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  };
}

export function launchBrowser(executablePath: string): Promise<Browser> {
  return puppeteer.launch(browserLaunchOptions(executablePath));
}
