import { expect, test } from 'vitest';
import { fragmentCache } from '../../src/lib/fragment-cache.ts';

test('a key is rendered once, and every later use gets the same HTML without rendering', async () => {
  const store = new Map<string, Promise<string>>();
  let renders = 0;
  const render = (html: string) => async () => {
    renders += 1;
    return html;
  };
  expect(await fragmentCache('nav:ru:0100', render('<nav>ru</nav>'), { store })).toBe('<nav>ru</nav>');
  // A second use of the key returns the first HTML, even if its own content would differ.
  expect(await fragmentCache('nav:ru:0100', render('<nav>other</nav>'), { store })).toBe('<nav>ru</nav>');
  expect(renders).toBe(1);
  expect(await fragmentCache('nav:kk:0100', render('<nav>kk</nav>'), { store })).toBe('<nav>kk</nav>');
  expect(renders).toBe(2);
});

test('uses at the same time share one render', async () => {
  const store = new Map<string, Promise<string>>();
  let renders = 0;
  const render = async () => {
    renders += 1;
    await new Promise((r) => setTimeout(r, 5));
    return '<ul></ul>';
  };
  const all = await Promise.all([1, 2, 3].map(() => fragmentCache('list', render, { store })));
  expect(all).toEqual(['<ul></ul>', '<ul></ul>', '<ul></ul>']);
  expect(renders).toBe(1);
});

test('a failed render is not kept: the next use renders again', async () => {
  const store = new Map<string, Promise<string>>();
  await expect(fragmentCache('k', async () => Promise.reject(new Error('broken')), { store })).rejects.toThrow('broken');
  await Promise.resolve();
  expect(await fragmentCache('k', async () => '<p>ok</p>', { store })).toBe('<p>ok</p>');
});

test('past its limit the store keeps what it has and renders new keys every time', async () => {
  const store = new Map<string, Promise<string>>();
  let renders = 0;
  const render = async () => `<p>${(renders += 1)}</p>`;
  await fragmentCache('a', render, { store, max: 1 });
  expect(await fragmentCache('b', render, { store, max: 1 })).toBe('<p>2</p>');
  expect(await fragmentCache('b', render, { store, max: 1 })).toBe('<p>3</p>');
  expect(await fragmentCache('a', render, { store, max: 1 })).toBe('<p>1</p>');
  expect(store.size).toBe(1);
});
