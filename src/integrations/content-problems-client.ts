/**
 * `astro dev` only: replaces the content-problems notice when the problems change, so an editor sees
 * a new problem (or its fix) without reloading. The server sends the notice's HTML, already escaped.
 */
import { NOTICE_ELEMENT } from '../lib/content-problems.ts';

function show(html: string) {
  document.querySelector(NOTICE_ELEMENT)?.remove();
  if (!html) return;
  // Document.parseHTMLUnsafe keeps the notice's declarative shadow root; where it is missing, a reload
  // renders the notice on the server instead.
  if (!('parseHTMLUnsafe' in Document)) {
    location.reload();
    return;
  }
  const notice = Document.parseHTMLUnsafe(html).querySelector(NOTICE_ELEMENT);
  if (notice) document.body.prepend(document.adoptNode(notice));
}

import.meta.hot?.on('content-problems:update', (payload: { html: string }) => show(payload.html));
// A change can land while this page loads, between the server's render and the connection that would
// have carried the update: ask for the current notice once connected (Vite queues the message until then).
import.meta.hot?.send('content-problems:get');
