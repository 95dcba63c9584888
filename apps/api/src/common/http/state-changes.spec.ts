import { describe, expect, it } from '@jest/globals';
import fastify from 'fastify';
import { crossOriginReason } from './state-changes.js';

/** Where a request comes from, as a bare Fastify sees it (with or without a trusted proxy in front). */
async function reasonFor(headers: Record<string, string>, options: { trustProxy?: boolean; trusted?: string[] } = {}): Promise<string | null> {
  const app = fastify({ trustProxy: options.trustProxy ?? false });
  app.post('/api/x', async (request) => ({ reason: crossOriginReason(request, new Set(options.trusted ?? [])) }));
  const res = await app.inject({ method: 'POST', url: '/api/x', headers: { host: 'politikk.fjordvik.example', ...headers } });
  await app.close();
  return res.json<{ reason: string | null }>().reason;
}

describe('crossOriginReason', () => {
  it('lets Sec-Fetch-Site decide when a browser sends it', async () => {
    expect(await reasonFor({ 'sec-fetch-site': 'same-origin', origin: 'https://anywhere.example' })).toBeNull();
    expect(await reasonFor({ 'sec-fetch-site': 'none' })).toBeNull();
    expect(await reasonFor({ 'sec-fetch-site': 'same-site', origin: 'http://politikk.fjordvik.example' })).toBe('Sec-Fetch-Site: same-site');
    expect(await reasonFor({ 'sec-fetch-site': 'cross-site' })).toBe('Sec-Fetch-Site: cross-site');
  });

  it("else compares Origin with the request's own origin, default ports and case aside", async () => {
    expect(await reasonFor({ origin: 'http://politikk.fjordvik.example' })).toBeNull();
    expect(await reasonFor({ origin: 'http://POLITIKK.fjordvik.example:80' })).toBeNull();
    expect(await reasonFor({ origin: 'http://politikk.fjordvik.example:8080' })).toBe('Origin: http://politikk.fjordvik.example:8080');
    expect(await reasonFor({ origin: 'https://politikk.fjordvik.example' })).toBe('Origin: https://politikk.fjordvik.example');
    expect(await reasonFor({ origin: 'null' })).toBe('Origin: null');
  });

  it('lets requests from no browser pass (neither header)', async () => {
    expect(await reasonFor({})).toBeNull();
  });

  it('behind a trusted proxy, takes the origin from X-Forwarded-Proto and X-Forwarded-Host', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'politikk.kommune.no', host: '10.0.0.5:3000' };
    expect(await reasonFor({ ...forwarded, origin: 'https://politikk.kommune.no' }, { trustProxy: true })).toBeNull();
    expect(await reasonFor({ ...forwarded, origin: 'https://politikk.kommune.no' })).toBe('Origin: https://politikk.kommune.no');
  });

  it('accepts the configured origins (ALLOWED_ORIGINS, PUBLIC_URL) when only Origin is sent', async () => {
    const trusted = ['https://politikk.kommune.no'];
    expect(await reasonFor({ host: '10.0.0.5:3000', origin: 'https://politikk.kommune.no' }, { trusted })).toBeNull();
    expect(await reasonFor({ 'sec-fetch-site': 'cross-site', origin: 'https://politikk.kommune.no' }, { trusted })).toBe('Sec-Fetch-Site: cross-site');
  });
});
