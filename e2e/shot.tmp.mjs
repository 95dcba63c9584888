// temporary screenshot script (not committed)
import puppeteer from 'puppeteer-core';
const BASE = process.env.BASE ?? 'http://127.0.0.1:3400';
const [user, width, height, prefix] = [process.env.U ?? 'valgmedarbeider', Number(process.env.W ?? 1366), Number(process.env.H ?? 768), process.env.P ?? 'a'];
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setViewport({ width, height, isMobile: width < 500, hasTouch: width < 500 });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(`${BASE}/logg-inn`, { waitUntil: 'networkidle0' });
await page.type('#username', user); await page.type('#password', 'demo1234');
await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/login')), page.click('button[type="submit"]')]);
await new Promise((r) => setTimeout(r, 500));
await page.goto(`${BASE}${process.env.PATHNAME ?? '/valg/skranke'}`, { waitUntil: 'networkidle0' });
const shot = async (name) => { await page.screenshot({ path: `/tmp/shots/${prefix}-${name}.png`, fullPage: process.env.FULL === '1' }); console.log('shot', name, await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)); };
const steps = (process.env.STEPS ?? '').split(',').filter(Boolean);
await shot('0');
let i = 1;
for (const step of steps) {
  const [cmd, arg] = step.split(':');
  if (cmd === 'click') await page.click(arg);
  if (cmd === 'type') await page.keyboard.type(arg);
  if (cmd === 'key') await page.keyboard.press(arg);
  if (cmd === 'wait') await new Promise((r) => setTimeout(r, Number(arg)));
  if (cmd === 'select') { const [sel, val] = arg.split('='); await page.select(sel, val); }
  if (cmd === 'shot') await shot(String(i++));
  if (cmd === 'el') { const h = await page.$(arg); await h.screenshot({ path: `/tmp/shots/${prefix}-el${i++}.png` }); console.log('el', arg); }
}
await browser.close();
