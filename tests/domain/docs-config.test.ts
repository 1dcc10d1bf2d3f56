/**
 * `.env.example`, the configuration table of the README and the one in the docs
 * (content/docs/running.md) name the same variables with the same defaults, and every
 * variable the code reads from the environment is among them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Variable → default from `.env.example`: the first `# NAME=value` line of each (empty = none). */
export function envExampleDefaults(text: string): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const match of text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/gm)) {
    if (!defaults.has(match[1]!)) defaults.set(match[1]!, match[2]!.trim());
  }
  return defaults;
}

/** Variable → default from the Markdown table under `## Configuration` (`(none)` = empty). */
export function configTableDefaults(markdown: string): Map<string, string> {
  const section = markdown.split(/^## Configuration\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  const defaults = new Map<string, string>();
  for (const match of section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|\s*([^|]*?)\s*\|/gm)) {
    const value = match[2]!.trim();
    defaults.set(match[1]!, value === '(none)' ? '' : value.replace(/^`|`$/g, ''));
  }
  return defaults;
}

/** Every variable the app and its tools read: `process.env.NAME` (not assigned) and `env.NAME` in src/ and db/. */
function variablesReadByCode(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|astro|mjs)$/.test(name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/(?:process\.)?env\.([A-Z][A-Z0-9_]+)\b(?!\s*=[^=])/g)) names.add(m[1]!);
        for (const m of text.matchAll(/^\s+([A-Z][A-Z0-9_]+): z\b/gm)) if (path.endsWith('db/config.ts')) names.add(m[1]!);
      }
    }
  };
  walk('src');
  walk('db');
  for (const m of readFileSync('astro.config.mjs', 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]!);
  return names;
}

const example = envExampleDefaults(readFileSync('.env.example', 'utf8'));
const readme = configTableDefaults(readFileSync('README.md', 'utf8'));
const docs = configTableDefaults(readFileSync('content/docs/running.md', 'utf8'));

describe('configuration', () => {
  it('the parsers read something (and a default)', () => {
    expect(example.get('DATABASE_URL')).toBe('file:.data/monitor.db');
    expect(readme.get('PORT')).toBe('4321');
    expect(configTableDefaults('## Configuration\n\n| `A_B` | (none) | x |\n| `C` | `1` | y |\n\n## Next\n| `D` | 2 | z |')).toEqual(new Map([['A_B', ''], ['C', '1']]));
  });

  it('the README table and .env.example agree, name for name and default for default', () => {
    expect(Object.fromEntries(readme)).toEqual(Object.fromEntries(example));
  });

  it('the docs table (Running it) and .env.example agree', () => {
    expect(Object.fromEntries(docs)).toEqual(Object.fromEntries(example));
  });

  it('every variable the code reads is documented', () => {
    const read = variablesReadByCode();
    for (const name of ['DATABASE_URL', 'DATABASE_AUTH_TOKEN', 'SEED_ON_START', 'HOST', 'PORT', 'SERVER_CERT_PATH', 'EMBED_FRAME_ANCESTORS']) expect(read, name).toContain(name);
    const ignored = new Set(['NODE_ENV', 'ASTRO_NODE_AUTOSTART']);
    const undocumented = [...read].filter((name) => !ignored.has(name) && !example.has(name));
    expect(undocumented).toEqual([]);
  });
});
