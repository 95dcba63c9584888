export const SESSION_COOKIE = 'sekretariat_sid';

/** Session tokens are secret tokens like any other; the database stores only the hash. */
export { hashSecretToken as hashSessionToken, newSecretToken as newSessionToken } from '../common/secret-token.js';
