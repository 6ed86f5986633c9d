/**
 * On the embed page (/embed/districts/<slug>/): tells the host page how tall the content is, so that
 * the snippet's script can size the iframe to it (the protocol is in src/lib/embed.ts). It measures
 * the document's own height rather than the window's, so the frame can shrink as well as grow; it
 * reports again whenever that changes (fonts arriving, the project list opened, a narrower frame)
 * and when the host asks. Outside a frame it does nothing.
 */
import { EMBED_ASK, EMBED_HEIGHT } from '~/lib/embed.ts';

if (window.parent !== window) {
  let last = 0;
  const report = (force = false) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!force && height === last) return;
    last = height;
    // Any origin may read a height: it says nothing private, and the host checks where it came from.
    window.parent.postMessage({ type: EMBED_HEIGHT, height }, '*');
  };
  new ResizeObserver(() => report()).observe(document.documentElement);
  window.addEventListener('load', () => report(true));
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && (e.data as { type?: unknown } | null)?.type === EMBED_ASK) report(true);
  });
  report(true);
}
