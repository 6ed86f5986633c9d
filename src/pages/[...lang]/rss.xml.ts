/**
 * /rss.xml (Russian), /kk/rss.xml and /en/rss.xml: the article and one item per status report
 * published after it (src/data/views/feeds.ts). Each links to our page, where the sources are.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteFeed } from '~/data/views/feeds.ts';
import { localePaths } from '~/lib/i18n-routes.ts';
import type { Locale } from '~/lib/vocabulary.ts';

export const getStaticPaths = () => localePaths();

export const GET: APIRoute<{ lang: Locale }> = async ({ props }) => rss(await siteFeed(props.lang));
