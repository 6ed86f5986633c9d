import { describe, expect, test } from 'vitest';
import { EMBED_ASK, EMBED_ATTR, EMBED_HEIGHT, FALLBACK_HEIGHT, embedSnippet, hostScript } from '../../src/lib/embed.ts';

const SITE = 'https://news.example.kz';

/** Runs the host script against a fake page with two frames, and returns what it did. */
function runHost(origin = SITE, location?: { href: string }) {
  const frames = [0, 1].map(() => ({ style: { height: '' }, contentWindow: { asked: [] as unknown[], location, postMessage(m: unknown, o: string) { this.asked.push([m, o]); } } }));
  let listener: ((e: { origin: string; data: unknown; source: unknown }) => void) | undefined;
  const document = { querySelectorAll: (selector: string) => (selector === `iframe[${EMBED_ATTR}]` ? frames : []) };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('addEventListener', 'document', hostScript(origin))((type: string, fn: typeof listener) => {
    if (type === 'message') listener = fn;
  }, document);
  const send = (data: unknown, from = frames[0]!.contentWindow, o = origin) => listener?.({ origin: o, data, source: from });
  return { frames, send };
}

describe('the host script', () => {
  test('asks every frame for its height once, addressed to the site’s origin', () => {
    const { frames } = runHost();
    for (const f of frames) expect(f.contentWindow.asked).toEqual([[{ type: EMBED_ASK }, SITE]]);
  });

  // A frame still at about:blank (the snippet's iframe is lazy, and the script follows it) has not
  // loaded the embed: asking it would only log a postMessage origin warning on the host page; the
  // embed tells its height itself once it loads.
  test('does not ask a frame that has not loaded yet', () => {
    const { frames } = runHost(SITE, { href: 'about:blank' });
    for (const f of frames) expect(f.contentWindow.asked).toEqual([]);
  });

  test('sets the height of the frame the message came from, and of no other', () => {
    const { frames, send } = runHost();
    send({ type: EMBED_HEIGHT, height: 812.4 }, frames[1]!.contentWindow);
    expect(frames.map((f) => f.style.height)).toEqual(['', '813px']);
  });

  test.each([
    // Another origin (the host page itself, an ad frame): ignored.
    ['another origin', { type: EMBED_HEIGHT, height: 500 }, 'https://evil.example'],
    // Not our message.
    ['another message type', { type: 'resize', height: 500 }, SITE],
    ['no data', null, SITE],
    // Heights that would break the page.
    ['a height below the minimum', { type: EMBED_HEIGHT, height: 20 }, SITE],
    ['an absurd height', { type: EMBED_HEIGHT, height: 1e9 }, SITE],
    ['a height that is not a number', { type: EMBED_HEIGHT, height: 'tall' }, SITE],
  ])('ignores %s', (_why, data, origin) => {
    const { frames, send } = runHost();
    send(data, frames[0]!.contentWindow, origin);
    expect(frames[0]!.style.height).toBe('');
  });
});

describe('embedSnippet', () => {
  const code = embedSnippet({ src: `${SITE}/almaty/embed/districts/medeu/`, title: 'Проекты "Медеу" <район> & co' });

  test('is an iframe with a fixed fallback height, its title escaped, then the host script for the site’s origin', () => {
    expect(code).toMatch(new RegExp(`^<iframe src="${SITE}/almaty/embed/districts/medeu/" title="Проекты &quot;Медеу&quot; &lt;район> &amp; co" width="100%" height="${FALLBACK_HEIGHT}" loading="lazy"`));
    expect(code).toContain(EMBED_ATTR);
    expect(code).toContain(`<script>${hostScript(SITE)}</script>`);
  });

  test('the script cannot end its own <script> element early', () => {
    expect(hostScript('https://x.example/</script>')).not.toContain('</script>');
  });
});
