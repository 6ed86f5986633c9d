/**
 * The embed code journalists paste (EmbedSnippet.astro) and the message protocol that lets the
 * frame take its content's height, the way newsroom embeds do:
 *
 *  - the embed page (/embed/districts/<slug>/, script embed-height.ts) tells its parent window how
 *    tall its content is — `{ type: EMBED_HEIGHT, height }` — whenever that changes (fonts, the
 *    project list opened, a narrower frame);
 *  - the few lines of host-page script in the snippet set the height of the iframe the message came
 *    from, after checking that it came from this site's origin; they also ask each frame that has
 *    already loaded once (`{ type: EMBED_ASK }`), in case the frame spoke before the script was listening.
 *
 * Where the host runs no script (some CMSs strip it), the iframe keeps `FALLBACK_HEIGHT` and scrolls
 * inside if its content is taller. Our own protocol rather than pym.js: pym's last release was in
 * 2018, it would add a library for the host to load from somewhere, and the job takes ten lines.
 * Pure; the snippet's script is plain ES5 so that any host page can run it.
 */

/** Message from the embed: its content height in CSS pixels. */
export const EMBED_HEIGHT = 'almaty-republic-day:embed-height';
/** Message from the host: "tell me your height now". */
export const EMBED_ASK = 'almaty-republic-day:embed-ask';
/** The attribute that marks our frames on the host page. */
export const EMBED_ATTR = 'data-almaty-republic-day-embed';

/**
 * The iframe's height where the host runs no script: about the embed's height on a desktop with the
 * project list closed, so that most readers see all of it; on a phone the frame scrolls inside.
 */
export const FALLBACK_HEIGHT = 720;

/** Heights outside this range are not applied (a broken or hostile message cannot blow up the page). */
export const MIN_HEIGHT = 150;
export const MAX_HEIGHT = 6000;

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The host-page script: plain ES5, no globals, for the site at `origin`. */
export function hostScript(origin: string): string {
  const o = JSON.stringify(origin).replace(/</g, '\\u003c');
  return (
    '(function(){' +
    `var o=${o},s="iframe[${EMBED_ATTR}]";` +
    'function f(){return document.querySelectorAll(s)}' +
    'addEventListener("message",function(e){var d=e.data,l=f(),i,h;' +
    `if(e.origin!==o||!d||d.type!==${JSON.stringify(EMBED_HEIGHT)})return;` +
    `h=Math.ceil(+d.height);if(!(h>=${MIN_HEIGHT}&&h<=${MAX_HEIGHT}))return;` +
    'for(i=0;i<l.length;i++)if(l[i].contentWindow===e.source)l[i].style.height=h+"px"});' +
    // A frame still at about:blank has not loaded the embed (which then tells its height itself):
    // posting to it would only log an origin warning. A loaded cross-origin frame's location throws.
    'var l=f(),i;for(i=0;i<l.length;i++){try{if(l[i].contentWindow.location.href==="about:blank")continue}catch(x){}try{' +
    `l[i].contentWindow.postMessage({type:${JSON.stringify(EMBED_ASK)}},o)` +
    '}catch(x){}}' +
    '})();'
  );
}

/** The code to paste: the iframe (with its fallback height) and the host script. */
export function embedSnippet(opts: { src: string; title: string }): string {
  const origin = new URL(opts.src).origin;
  return (
    `<iframe src="${attr(opts.src)}" title="${attr(opts.title)}" width="100%" height="${FALLBACK_HEIGHT}" loading="lazy" style="border:0;display:block" ${EMBED_ATTR}></iframe>\n` +
    `<script>${hostScript(origin)}</script>`
  );
}
