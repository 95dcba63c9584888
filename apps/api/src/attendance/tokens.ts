/** Joins a base address and a path without a double slash. */
export function link(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
