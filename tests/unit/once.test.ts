import { expect, test } from 'vitest';
import { once, onceBy } from '../../src/lib/once.ts';

test('once makes its value on the first call only, and every caller shares it', async () => {
  let made = 0;
  const value = once(async () => ({ n: (made += 1) }));
  expect(made).toBe(0);
  const [a, b] = await Promise.all([value(), value()]);
  expect(a).toBe(b);
  expect(await value()).toBe(a);
  expect(made).toBe(1);
});

test('onceBy makes each key’s value on its first call only, and keys do not share', async () => {
  const made: string[] = [];
  const value = onceBy(async (lang: string) => {
    made.push(lang);
    return { lang };
  });
  const [a, b, c] = await Promise.all([value('ru'), value('ru'), value('kk')]);
  expect(a).toBe(b);
  expect(c).not.toBe(a);
  expect(c).toEqual({ lang: 'kk' });
  expect(await value('kk')).toBe(c);
  expect(made).toEqual(['ru', 'kk']);
});
