import { describe, expect, it } from '@jest/globals';
import {
  BROWSER_ARGS,
  BrowserNotFoundError,
  browserLaunchOptions,
  DEFAULT_BROWSER_PATHS,
  findBrowserExecutable,
} from './browser-finder.js';

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe('findBrowserExecutable', () => {
  it('uses PUPPETEER_EXECUTABLE_PATH when it is executable', () => {
    expect(findBrowserExecutable('/opt/chrome/chrome', only('/opt/chrome/chrome', '/usr/bin/chromium'))).toBe(
      '/opt/chrome/chrome',
    );
  });

  it('fails on a configured path that does not exist instead of silently using another browser', () => {
    expect(() => findBrowserExecutable('/opt/typo/chrome', only('/usr/bin/chromium'))).toThrow(
      /PUPPETEER_EXECUTABLE_PATH=\/opt\/typo\/chrome is not an executable file/,
    );
  });

  it('prefers chromium-headless-shell, then chromium, then google-chrome', () => {
    expect(findBrowserExecutable(undefined, only(...DEFAULT_BROWSER_PATHS))).toBe(
      '/usr/bin/chromium-headless-shell',
    );
    expect(findBrowserExecutable(undefined, only('/usr/bin/chromium', '/usr/bin/google-chrome'))).toBe(
      '/usr/bin/chromium',
    );
    expect(findBrowserExecutable(undefined, only('/usr/bin/google-chrome'))).toBe('/usr/bin/google-chrome');
  });

  it('names every path it tried when none exists', () => {
    let error: unknown;
    try {
      findBrowserExecutable(undefined, only());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    const message = (error as Error).message;
    for (const path of DEFAULT_BROWSER_PATHS) expect(message).toContain(path);
    expect(message).toContain('PUPPETEER_EXECUTABLE_PATH');
  });

  it('treats an empty PUPPETEER_EXECUTABLE_PATH as unset', () => {
    expect(findBrowserExecutable('', only('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
  });
});

describe('browserLaunchOptions', () => {
  it("launches chromium-headless-shell in puppeteer's 'shell' mode and full Chromium in new headless mode", () => {
    expect(browserLaunchOptions('/usr/bin/chromium-headless-shell').headless).toBe('shell');
    expect(browserLaunchOptions('/usr/lib/chromium/chromium-headless-shell').headless).toBe('shell');
    expect(browserLaunchOptions('/usr/bin/chromium').headless).toBe(true);
  });

  it('passes the flags that keep Chromium off the network and leaves the profile to a fresh temp dir', () => {
    const options = browserLaunchOptions('/usr/bin/chromium');
    expect(options.args).toEqual(expect.arrayContaining([...BROWSER_ARGS]));
    expect(options.args).toEqual(
      expect.arrayContaining([
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
      ]),
    );
    expect(options.userDataDir).toBeUndefined();
    expect(options.args?.some((arg) => arg.startsWith('--user-data-dir'))).toBe(false);
  });
});
