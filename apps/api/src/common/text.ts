/**
 * What text the API takes (docs/architecture.md, «Input»): no NUL or other C0 control characters
 * except tab, line feed and carriage return, and no unpaired UTF-16 surrogates. PostgreSQL cannot
 * store NUL in text, a lone surrogate is no character at all (it would be stored as U+FFFD), and
 * the other controls are invisible and break CSV, XML and PDFs.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BAD_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasBadText(value: string): boolean {
  return BAD_TEXT.test(value);
}

export const BAD_TEXT_MESSAGE = 'Inneholder tegn som ikke er tillatt (kontrolltegn som NUL, eller ugyldig Unicode).';

interface Node {
  value: unknown;
  key: string | null;
  parent: Node | null;
}

function pathOf(node: Node | null): string {
  const keys: string[] = [];
  for (let n = node; n && n.key !== null; n = n.parent) keys.push(n.key);
  return keys.reverse().join('.') || '(root)';
}

/**
 * The path of the first string (or object key) in a parsed request part that holds text the API
 * does not take, e.g. `givenName` or `items.2.title` (for a key: the object holding it), `(root)`
 * for the part itself; null when all is well. Walks without recursion and builds the path only
 * for a hit, so a deeply nested body costs time in its size only.
 */
export function findBadText(value: unknown): string | null {
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      if (hasBadText(v)) return pathOf(node);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: String(i), parent: node });
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      const keys = Object.keys(v);
      for (const key of keys) if (hasBadText(key)) return pathOf(node);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (v as Record<string, unknown>)[keys[i]!], key: keys[i]!, parent: node });
    }
  }
  return null;
}
