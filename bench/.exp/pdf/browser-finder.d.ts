import { type Browser, type LaunchOptions } from 'puppeteer-core';
/** Tried in this order when PUPPETEER_EXECUTABLE_PATH is unset (docs/stack.md, "Browser for PDFs"). */
export declare const DEFAULT_BROWSER_PATHS: readonly string[];
/**
 * Chromium flags for rendering PDFs on a server. The background-networking group stops Chromium from
 * reaching the internet at start-up; --no-sandbox because the API may run as root in a container.
 */
export declare const BROWSER_ARGS: readonly string[];
export declare class BrowserNotFoundError extends Error {
    readonly tried: readonly string[];
    constructor(tried: readonly string[], configured: boolean);
}
export declare function isExecutableFile(path: string): boolean;
/**
 * The browser to launch. An explicitly configured path must exist: silently falling back to another browser
 * would hide a typo in the configuration.
 */
export declare function findBrowserExecutable(configuredPath: string | undefined, isExecutable?: (path: string) => boolean): string;
/** chromium-headless-shell is the old headless mode as its own binary; puppeteer calls that mode 'shell'. */
export declare function isHeadlessShell(executablePath: string): boolean;
export declare function browserLaunchOptions(executablePath: string): LaunchOptions;
export declare function launchBrowser(executablePath: string): Promise<Browser>;
