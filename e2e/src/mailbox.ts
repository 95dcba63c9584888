import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

/** A message the system sent during this run, as the local SMTP server received it. */
export interface ReceivedMail {
  file: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; size: number }[];
}

export interface MailMatch {
  /** An address the message was sent to (case-insensitive). */
  to?: string;
  subject?: RegExp;
  /** Skip messages already seen (their `file`). */
  exclude?: string[];
}

function mailDir(): string {
  const dir = process.env[`E2E_MAIL_DIR_${process.env['JEST_WORKER_ID'] ?? '1'}`] ?? process.env['E2E_MAIL_DIR'];
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: the mailbox starts in e2e/support/global-setup.mjs');
  return dir;
}

async function parse(file: string): Promise<ReceivedMail> {
  const mail = await simpleParser(await readFile(file));
  const addresses = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
  return {
    file: path.basename(file),
    to: addresses,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, size: a.size })),
  };
}

/**
 * The messages received so far, by file: pass them as `exclude` to wait for a message sent after
 * this point (other suites in the same run send notices to the same demo members).
 */
export async function seenMail(): Promise<string[]> {
  return (await readdir(mailDir())).filter((f) => f.endsWith('.eml'));
}

/** Every message received so far, oldest first. */
export async function allMail(): Promise<ReceivedMail[]> {
  const files = (await readdir(mailDir())).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map((f) => parse(path.join(mailDir(), f))));
}

function matches(mail: ReceivedMail, match: MailMatch): boolean {
  if (match.exclude?.includes(mail.file)) return false;
  if (match.to && !mail.to.includes(match.to.toLowerCase())) return false;
  if (match.subject && !match.subject.test(mail.subject)) return false;
  return true;
}

/** Waits until a matching message has arrived (mail goes out from a job, so it comes a moment later). */
export async function waitForMail(match: MailMatch, timeoutMs = 20_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await allMail()).find((m) => matches(m, match));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = (await allMail()).map((m) => `${m.to.join(',')}: ${m.subject}`);
      throw new Error(`No mail matching ${JSON.stringify({ ...match, subject: match.subject?.source })} within ${timeoutMs} ms. Received:\n${seen.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first link in a message's text that starts with `prefix` (e.g. the site's /innkalling/). */
export function linkIn(mail: ReceivedMail, pattern: RegExp): string {
  const m = (mail.text + '\n' + mail.html).match(pattern);
  if (!m) throw new Error(`No link matching ${pattern.source} in mail "${mail.subject}":\n${mail.text}`);
  return m[0];
}
