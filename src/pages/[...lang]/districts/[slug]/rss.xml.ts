/**
 * /districts/<slug>/rss.xml (and /kk/…, /en/…): the status reports on one district's projects
 * published after the article (src/data/views/feeds.ts), for residents who follow their district.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { districtFeed } from '~/data/views/feeds.ts';
import { districtSlugs } from '~/data/views/district.ts';
import { localisedPaths } from '~/lib/i18n-routes.ts';
import type { Locale } from '~/lib/vocabulary.ts';

export const getStaticPaths = async () => localisedPaths(await districtSlugs());

export const GET: APIRoute<{ lang: Locale; slug: string }> = async ({ props }) => rss(await districtFeed(props.lang, props.slug));
