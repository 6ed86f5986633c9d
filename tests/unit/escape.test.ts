import { expect, test } from 'vitest';
import { escapeMarkup } from '../../src/lib/escape.ts';
import { escapeHtml } from '../../src/lib/content-problems.ts';

test('escapes what would end an element or a double-quoted attribute, and nothing else', () => {
  expect(escapeMarkup(`<a href="x">Tom & "Jerry"</a> it's`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &quot;Jerry&quot;&lt;/a&gt; it\'s');
  expect(escapeMarkup('Алматы — «сквер»')).toBe('Алматы — «сквер»');
});

test("the dev notice escapes ' as well", () => {
  expect(escapeHtml(`<b onclick='x'>&</b>`)).toBe('&lt;b onclick=&#39;x&#39;&gt;&amp;&lt;/b&gt;');
});
