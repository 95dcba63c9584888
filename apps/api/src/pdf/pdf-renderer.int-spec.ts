import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseConfig } from '../config/config.js';
import { BrowserPool } from './browser-pool.js';
import { composeMembersList, type MembersListInput } from './composers/members-list.composer.js';
import { PdfInputTooLargeError, PdfRenderError } from './pdf.errors.js';
import { PdfRenderer } from './pdf-renderer.service.js';

const run = promisify(execFile);

/** Real Chromium, read back with poppler (pdftotext, pdfinfo, pdffonts) and pdfjs-dist. */
const config = parseConfig({ NODE_ENV: 'test', PDF_POOL_SIZE: '4' });
const pool = new BrowserPool(config);
const renderer = new PdfRenderer(pool, config);
let dir: string;

beforeAll(async () => {
  Logger.overrideLogger(['warn', 'error']);
  dir = await mkdtemp(join(tmpdir(), 'pdf-int-'));
});

afterAll(async () => {
  await pool.close();
  await rm(dir, { recursive: true, force: true });
});

const GIVEN = ['Áilu', 'Ørjan', 'Åse', 'Ánde', 'Æsa', 'Máret', 'Ŋunni', 'Žanná', 'Inger', 'Bjørn'];
const FAMILY = [
  'Čoarvi',
  'Ødegård',
  'Bække',
  'Šiellá',
  'Østgård',
  'Sárá',
  'Đuolbba',
  'Ŧávggo',
  'Hætta',
  'Blåfjell',
];
const PARTIES = [
  'Arbeiderpartiet',
  'Høyre',
  'Senterpartiet',
  'Fremskrittspartiet',
  'Sosialistisk Venstreparti',
  null,
];

/** 80 distinct names that use æøåÆØÅ and the Sámi letters á č đ ŋ š ŧ ž. */
function people(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${GIVEN[i % 10]} ${FAMILY[Math.floor(i / 10) % 10]} ${i + 1}`,
  );
}

function membersListInput(): MembersListInput {
  const names = people(80);
  return {
    municipalityName: 'Kárášjoga gielda – Karasjok kommune',
    body: {
      name: 'Kommunestyret',
      kind: 'kommunestyre',
      termFrom: '2023-10-16',
      termTo: '2027-10-15',
      seats: 80,
    },
    members: names.map((name, i) => ({
      name,
      party: PARTIES[i % PARTIES.length] ?? null,
      role: i === 0 ? 'leader' : i === 1 ? 'deputy_leader' : 'member',
    })),
    substitutes: people(30).map((name, i) => ({
      rank: i + 1,
      name: `Vara ${name}`,
      party: PARTIES[i % 5] ?? null,
    })),
    generatedAt: new Date('2026-11-25T13:03:00Z'),
  };
}

async function save(name: string, pdf: Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, pdf);
  return file;
}

async function pdfinfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(
    stdout.split('\n').flatMap((line) => {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      return match ? [[match[1], match[2]]] : [];
    }),
  );
}

async function pdftext(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout.normalize('NFC');
}

/** Rows of pdffonts after its two header lines. */
async function pdffonts(file: string): Promise<Array<{ name: string; type: string; embedded: string }>> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line);
      return { name: match?.[1] ?? line, type: match?.[2] ?? '?', embedded: match?.[4] ?? '?' };
    });
}

function plainDocument(body: string): { html: string; title: string } {
  return {
    html: `<!doctype html><html lang="nb"><head><title>Test</title></head><body>${body}</body></html>`,
    title: 'Test',
  };
}

describe('PdfRenderer with real Chromium', () => {
  let membersPdf: string;

  beforeAll(async () => {
    membersPdf = await save(
      'medlemsliste.pdf',
      await renderer.render(composeMembersList(membersListInput())),
    );
  });

  it('renders every name with æøå and Sámi letters intact (pdftotext)', async () => {
    const text = (await pdftext(membersPdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Medlemsliste – Kommunestyret');
    for (const name of people(80)) expect(text).toContain(name);
    for (const name of people(30)) expect(text).toContain(`Vara ${name}`);
    expect(text).toContain('Leder');
    expect(text).toContain('Nestleder');
    expect(text).toContain('Kárášjoga gielda – Karasjok kommune');
  });

  it('is a tagged A4 PDF over several pages, with title and language', async () => {
    const info = await pdfinfo(membersPdf);
    expect(Number(info['Pages'])).toBeGreaterThan(1);
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe('Medlemsliste – Kommunestyret');
    // The catalog's language, for screen readers (uncompressed in Chromium's output).
    expect(readFileSync(membersPdf).toString('latin1')).toContain('/Lang (nb)');
    expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('embeds its fonts, with a real bold and no Type 3 fonts (pdffonts)', async () => {
    const fonts = await pdffonts(membersPdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toEqual(expect.objectContaining({ embedded: 'yes' }));
      expect(font.type).not.toMatch(/Type 3/);
    }
    const names = fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toEqual(expect.arrayContaining(['NotoSans-Regular', 'NotoSans-Bold']));
  });

  it('numbers the pages "Side X av Y" and repeats the running header (pdfjs-dist)', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const loading = pdfjs.getDocument({ data: new Uint8Array(readFileSync(membersPdf)), verbosity: 0 });
    const document = await loading.promise;
    try {
      for (let number = 1; number <= document.numPages; number++) {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        const text = content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ');
        expect(text).toContain(`Side ${number} av ${document.numPages}`);
        expect(text).toContain('Kárášjoga gielda – Karasjok kommune');
        expect(text).toContain('Utskrift 25.11.2026 kl. 14:03');
      }
    } finally {
      await loading.destroy();
    }
  });

  it('renders the same document with a browser launched for it', async () => {
    const file = await save(
      'fresh.pdf',
      await renderer.renderWithFreshBrowser(composeMembersList(membersListInput())),
    );
    const [fresh, pooled] = await Promise.all([pdfinfo(file), pdfinfo(membersPdf)]);
    expect(fresh['Pages']).toBe(pooled['Pages']);
    expect((await pdftext(file)).replace(/\s+/g, ' ')).toContain('Áilu Čoarvi 1');
  });
});

describe('PdfRenderer guards', () => {
  it('rejects HTML over PDF_MAX_HTML_BYTES before touching the browser', async () => {
    const small = parseConfig({ NODE_ENV: 'test', PDF_MAX_HTML_BYTES: '1000' });
    const guarded = new PdfRenderer(new BrowserPool(small), small);
    const doc = plainDocument('æ'.repeat(600)); // 1200 bytes in UTF-8, 600 characters
    await expect(guarded.render(doc)).rejects.toBeInstanceOf(PdfInputTooLargeError);
    await expect(guarded.renderWithFreshBrowser(doc)).rejects.toMatchObject({
      code: 'PDF_INPUT_TOO_LARGE',
      status: 413,
    });
  });

  it('never loads anything from the network and runs no script', async () => {
    const requests: string[] = [];
    const server: Server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const doc = plainDocument(
        `<link rel="stylesheet" href="${origin}/style.css"><img src="${origin}/image.png">` +
          `<div style="background:url(${origin}/background.png)">Innhold</div><iframe src="${origin}/frame"></iframe>` +
          `<script>document.body.append('SKRIPT KJØRTE')</script>`,
      );
      const file = await save('network.pdf', await renderer.render(doc));
      expect(requests).toEqual([]);
      const text = await pdftext(file);
      expect(text).toContain('Innhold');
      expect(text).not.toContain('SKRIPT KJØRTE');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('BrowserPool with real Chromium', () => {
  it('starts a new browser after the old one is killed', async () => {
    await renderer.render(plainDocument('<p>Før</p>'));
    const pid = pool.browserProcessId();
    expect(pid).toBeDefined();
    const profile = /--user-data-dir=([^\0]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
    expect(profile && existsSync(profile)).toBe(true);

    // The launcher makes the browser a process group leader: kill the whole browser, as a crash would.
    const disconnected = new Promise<void>((resolve) => {
      const check = (): void => (pool.stats().browserConnected ? void setImmediate(check) : resolve());
      check();
    });
    process.kill(-pid!, 'SIGKILL');
    await disconnected;

    const file = await save(
      'after-crash.pdf',
      await renderer.render(plainDocument('<p>Etter krasj: Ødegård</p>')),
    );
    expect(await pdftext(file)).toContain('Etter krasj: Ødegård');
    expect(pool.browserProcessId()).not.toBe(pid);
    // puppeteer removes the dead browser's temporary profile when its process exits.
    await waitFor(() => !existsSync(profile!));
  });

  it('fails a render whose page crashes, at once, and keeps serving', async () => {
    const crashed = pool.withPage(async (page) => {
      await page.setContent('<p>Før krasj</p>');
      const session = await page.createCDPSession();
      void session.send('Page.crash').catch(() => undefined);
      return page.pdf({ timeout: 20_000 });
    });
    await expect(crashed).rejects.toBeInstanceOf(PdfRenderError);
    const file = await save(
      'after-page-crash.pdf',
      await renderer.render(plainDocument('<p>Etter sidekrasj</p>')),
    );
    expect(await pdftext(file)).toContain('Etter sidekrasj');
  });

  it('completes 20 concurrent renders with 4 pages, never more than 4 at a time', async () => {
    const doc = composeMembersList(membersListInput());
    let maxBusy = 0;
    const sampler = setInterval(() => (maxBusy = Math.max(maxBusy, pool.stats().busy)), 1);
    const pid = pool.browserProcessId();
    try {
      const pdfs = await Promise.all(Array.from({ length: 20 }, () => renderer.render(doc)));
      expect(pdfs).toHaveLength(20);
      for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(new Set(pdfs.map((pdf) => pdf.byteLength)).size).toBe(1);
    } finally {
      clearInterval(sampler);
    }
    expect(maxBusy).toBeGreaterThan(1);
    expect(maxBusy).toBeLessThanOrEqual(4);
    expect(pool.browserProcessId()).toBe(pid);
    await waitFor(() => pool.stats().busy === 0);
    expect(pool.stats().idle).toBeLessThanOrEqual(4);
  });

  it('leaves nothing of one document in the next one on the same page', async () => {
    const single = parseConfig({ NODE_ENV: 'test', PDF_POOL_SIZE: '1' });
    const onePage = new BrowserPool(single);
    const oneRenderer = new PdfRenderer(onePage, single);
    try {
      await oneRenderer.render({
        html: '<html lang="se"><head><title>A</title><style>p { color: red }</style></head><body><p>HEMMELIG A</p></body></html>',
        title: 'Dokument A',
      });
      const file = await save('second.pdf', await oneRenderer.render(plainDocument('<p>Dokument B</p>')));
      const text = await pdftext(file);
      expect(text).toContain('Dokument B');
      expect(text).not.toContain('HEMMELIG A');
      expect((await pdfinfo(file))['Title']).toBe('Test');
      expect(onePage.stats()).toEqual(expect.objectContaining({ size: 1, idle: 1 }));
    } finally {
      await onePage.close();
    }
  });

  it('fails clearly once closed, and removes the browser profile', async () => {
    const own = new BrowserPool(config);
    const ownRenderer = new PdfRenderer(own, config);
    await ownRenderer.render(plainDocument('<p>Hei</p>'));
    const pid = own.browserProcessId();
    const profile = /--user-data-dir=([^\0]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
    await own.close();
    expect(own.stats().browserConnected).toBe(false);
    expect(existsSync(profile!)).toBe(false);
    await expect(ownRenderer.render(plainDocument('<p>Igjen</p>'))).rejects.toBeInstanceOf(PdfRenderError);
  });
});

/** Polls a condition (no fixed sleeps); fails after 10 s. */
async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
