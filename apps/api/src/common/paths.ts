import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/api, whether running from src (tests) or dist (production). */
export const API_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REPO_ROOT = path.resolve(API_ROOT, '../..');

/** Resolves a configured path: absolute as given, relative to the repository root. */
export function fromRepoRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.resolve(REPO_ROOT, p);
}
