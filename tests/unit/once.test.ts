import { expect, test } from 'vitest';
import { once } from '../../src/lib/once.ts';

test('once makes its value on the first call only, and every caller shares it', async () => {
  let made = 0;
  const value = once(async () => ({ n: (made += 1) }));
  expect(made).toBe(0);
  const [a, b] = await Promise.all([value(), value()]);
  expect(a).toBe(b);
  expect(await value()).toBe(a);
  expect(made).toBe(1);
});
