import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BodyKind, MemberRole } from '@sekretariat/contracts';
import { SCOPED_TRANSLATIONS, TRANSLATIONS } from '../../../testing/i18n-testing';
import { SCOPES } from './scopes';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') {
      out.set(prefix + key, value);
    } else {
      for (const [nested, text] of flatten(value, `${prefix}${key}.`)) out.set(nested, text);
    }
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every value of the contracts' enums, checked by the compiler: a new kind or role fails typecheck here. */
const BODY_KINDS: Record<BodyKind, true> = {
  kommunestyre: true,
  formannskap: true,
  utvalg: true,
  kontrollutvalg: true,
  eldreraad: true,
  funksjonsnedsettelse: true,
  ungdomsraad: true,
  valgstyre: true,
  valgutvalg: true,
  annet: true,
};
const MEMBER_ROLES: Record<MemberRole, true> = { leader: true, deputy_leader: true, member: true };

/** A language's texts as the app sees them: the shared file plus every scope's file under `<scope>.`. */
function withScopes(lang: keyof typeof TRANSLATIONS): Map<string, string> {
  const texts = flatten(TRANSLATIONS[lang]);
  for (const [scope, files] of Object.entries(SCOPED_TRANSLATIONS)) {
    for (const [key, text] of flatten(files[lang], `${scope}.`)) texts.set(key, text);
  }
  return texts;
}

describe('translation files', () => {
  const nb = withScopes('nb');
  const nn = withScopes('nn');
  const en = withScopes('en');

  it.each([
    ['nn', nn],
    ['en', en],
  ])('%s has exactly the keys of nb', (_lang, other) => {
    expect([...other.keys()].sort()).toEqual([...nb.keys()].sort());
  });

  it.each([
    ['nb', nb],
    ['nn', nn],
    ['en', en],
  ])('%s has no empty texts', (_lang, texts) => {
    expect([...texts].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const mismatches = [...nb].flatMap(([key, text]) =>
      [nn, en]
        .filter((other) => placeholders(other.get(key) ?? '').join() !== placeholders(text).join())
        .map(() => key),
    );
    expect(mismatches).toEqual([]);
  });

  it('has the files of every scope, and no scope hides a key of the shared files', () => {
    expect(Object.keys(SCOPED_TRANSLATIONS).sort()).toEqual([...SCOPES].sort());
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const shared = [...flatten(TRANSLATIONS[lang]).keys()];
      expect(shared.filter((key) => SCOPES.some((scope) => key.startsWith(`${scope}.`)))).toEqual(
        [],
      );
    }
  });

  it('names every body kind and member role from the contracts', () => {
    const keys = [
      ...Object.keys(BODY_KINDS).map((kind) => `bodies.kind.${kind}`),
      ...Object.keys(MEMBER_ROLES).map((role) => `bodies.role.${role}`),
    ];
    expect(keys.filter((key) => !nb.has(key))).toEqual([]);
  });

  it('has a text for every literal key used in the templates and code', () => {
    const root = join(__dirname, '..', '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(
        /'([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)'\s*\|\s*transloco/g,
      )) {
        used.add(match[1] ?? '');
      }
      for (const match of source.matchAll(
        /(?:labelKey|title|messageKey|loadingKey)[:=]\s*['"]([a-z][\w.]+)['"]/g,
      )) {
        used.add(match[1] ?? '');
      }
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((key) => !nb.has(key)).sort()).toEqual([]);
  });
});
