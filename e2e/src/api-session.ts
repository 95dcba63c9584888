import { BASE_URL } from './browser.js';

/** The API as a signed-in user, with the session cookie kept between calls: for setting up data. */
export class ApiSession {
  private cookie = '';

  static async signIn(username: string, password: string): Promise<ApiSession> {
    const session = new ApiSession();
    const res = await session.request('POST', '/api/auth/login', { username, password });
    if (res.status !== 200)
      throw new Error(`Sign-in as ${username} failed: ${res.status} ${await res.text()}`);
    session.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';', 1)[0])
      .join('; ');
    return session;
  }

  async json<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const res = await this.request(method, path, body);
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  /** A file as bytes (a PDF), with its headers. */
  async bytes(path: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const res = await this.request('GET', path);
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  /** Sends a CSV file's text as it is (the roll upload). */
  async csv<T>(path: string, text: string, expected = [202]): Promise<T> {
    const res = await fetch(`${BASE_URL}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: this.cookie },
      body: text,
    });
    const answer = await res.text();
    if (!expected.includes(res.status)) throw new Error(`POST ${path} answered ${res.status}: ${answer}`);
    return JSON.parse(answer) as T;
  }

  private request(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${BASE_URL}${path}`, {
      method,
      headers: {
        // The API takes state changes as JSON only, also bodiless ones.
        ...(body === undefined && method === 'GET' ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}
