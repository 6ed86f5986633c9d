// One CSP hash per distinct text (src/integrations/csp-digest-cache.ts): the same hashes as Astro's
// own function, each computed once.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { ASTRO_CSP_DIGEST, ASTRO_SORTED_CSS, TRANSFORM_FILTER, memoiseCspDigest, memoiseSortedCss } from '../../src/integrations/csp-digest-cache.ts';

/** Astro's function, as astro/dist/core/encryption.js writes it, with a counting digest to run it. */
const MODULE = `${ASTRO_CSP_DIGEST}
  const hashBuffer = await crypto.subtle.digest(algorithm, encoder.encode(data));
  const hash = encodeBase64(new Uint8Array(hashBuffer));
  return \`\${ALGORITHMS[algorithm]}\${hash}\`;
}`;

/** Evaluates a module text with a stub `crypto` that counts its calls; returns generateCspDigest and the count. */
function load(code: string) {
  let calls = 0;
  const crypto = {
    subtle: {
      digest: async (_: string, bytes: Uint8Array) => {
        calls += 1;
        return createHash('sha256').update(bytes).digest().buffer;
      },
    },
  };
  const encodeBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  const fn = new Function('crypto', 'encoder', 'encodeBase64', 'ALGORITHMS', `${code}\nreturn generateCspDigest;`)(
    crypto,
    new TextEncoder(),
    encodeBase64,
    { 'SHA-256': 'sha256-' },
  ) as (data: unknown, algorithm: string) => Promise<string>;
  return { digest: fn, calls: () => calls };
}

describe('memoiseCspDigest', () => {
  test('Astro ships the function the plugin wraps (fails on an Astro upgrade that changes it)', () => {
    const path = createRequire(import.meta.url).resolve('astro/package.json').replace(/package\.json$/, 'dist/core/encryption.js');
    expect(memoiseCspDigest(readFileSync(path, 'utf8'))).toContain('generateCspDigestOnce');
  });

  test('gives the same hashes as the original, computing each distinct text once', async () => {
    const original = load(MODULE);
    const memoised = load(memoiseCspDigest(MODULE)!);
    const texts = ['body{color:red}', 'p{margin:0}', 'body{color:red}', 'body{color:red}', 'p{margin:0}'];
    const expected = await Promise.all(texts.map((t) => original.digest(t, 'SHA-256')));
    expect(await Promise.all(texts.map((t) => memoised.digest(t, 'SHA-256')))).toEqual(expected);
    expect(expected[0]).toBe(`sha256-${createHash('sha256').update('body{color:red}').digest('base64')}`);
    expect(original.calls()).toBe(5);
    expect(memoised.calls()).toBe(2);
  });

  test('hashes a very long text every time rather than keeping it', async () => {
    const memoised = load(memoiseCspDigest(MODULE)!);
    const long = 'x'.repeat(70_000);
    await memoised.digest(long, 'SHA-256');
    await memoised.digest(long, 'SHA-256');
    expect(memoised.calls()).toBe(2);
  });

  test('leaves a module without the function, or with two of them, alone', () => {
    expect(memoiseCspDigest('export const x = 1;')).toBeUndefined();
    expect(memoiseCspDigest(`${MODULE}\n${MODULE}`)).toBeUndefined();
  });
});

describe('memoiseSortedCss', () => {
  /** Astro's headElements step, as astro/dist/core/build/environment.js has it, made runnable. */
  const MODULE = `function styleList(pageBuildData) {
  ${ASTRO_SORTED_CSS}
  return sortedCssAssets;
}`;
  const run = (code: string) => {
    let sorts = 0;
    const cssOrder = (a: { order: number }, b: { order: number }) => {
      sorts += 1;
      return a.order - b.order;
    };
    // Astro's merge: neighbouring inline sheets become one new string.
    const mergeInlineCss = (acc: Array<{ type: string; content: string }>, current: { type: string; content: string }) => {
      const last = acc.at(-1);
      if (last?.type === 'inline' && current.type === 'inline') acc[acc.length - 1] = { type: 'inline', content: last.content + current.content };
      else acc.push(current);
      return acc;
    };
    const styleList = new Function('cssOrder', 'mergeInlineCss', `${code}\nreturn styleList;`)(cssOrder, mergeInlineCss) as (page: unknown) => Array<{ content: string }> | undefined;
    return { styleList, sorts: () => sorts };
  };

  test('Astro ships the line the plugin replaces (fails on an Astro upgrade that changes it)', () => {
    const path = createRequire(import.meta.url).resolve('astro/package.json').replace(/package\.json$/, 'dist/core/build/environment.js');
    expect(memoiseSortedCss(readFileSync(path, 'utf8'))).toContain('sortedCssOf(pageBuildData)');
  });

  test("gives each page of a route the list Astro gives, made once per route", () => {
    const page = () => ({ styles: [{ order: 2, sheet: { type: 'inline', content: 'p{margin:0}' } }, { order: 1, sheet: { type: 'inline', content: 'body{color:red}' } }] });
    const [a, b] = [page(), page()];
    const original = run(MODULE);
    const memoised = run(memoiseSortedCss(MODULE)!);
    const expected = original.styleList(page());
    expect(memoised.styleList(a)).toEqual(expected);
    expect(expected).toEqual([{ type: 'inline', content: 'body{color:red}p{margin:0}' }]);
    // Made once for the route: later pages get the list made for the first (and so the same strings).
    const sortsForA = memoised.sorts();
    expect(memoised.styleList(a)).toBe(memoised.styleList(a));
    expect(memoised.sorts()).toBe(sortsForA);
    expect(memoised.styleList(b)).toEqual(expected);
    expect(memoised.styleList(undefined)).toBeUndefined();
  });

  test('leaves a module without the line alone', () => {
    expect(memoiseSortedCss('export const x = 1;')).toBeUndefined();
  });
});

describe('the modules the plugin is handed', () => {
  test("only Astro's two modules pass the bundler's filter, with or without a query", () => {
    for (const id of [
      '/work/site/node_modules/astro/dist/core/encryption.js',
      '/work/site/node_modules/astro/dist/core/build/environment.js',
      '/work/site/node_modules/astro/dist/core/encryption.js?v=1',
      'C:\\site\\node_modules\\astro\\dist\\core\\build\\environment.js',
    ]) {
      expect(TRANSFORM_FILTER.some((re) => re.test(id)), id).toBe(true);
    }
    for (const id of [
      '/work/site/node_modules/astro/dist/core/encryption.js.map',
      '/work/site/node_modules/astro/dist/core/build/generate.js',
      '/work/site/src/data/content.ts',
      '/work/site/node_modules/astro/dist/content/runtime.js',
    ]) {
      expect(TRANSFORM_FILTER.some((re) => re.test(id)), id).toBe(false);
    }
  });
});
