/**
 * Which pages have a share image and what it shows. The /og/ endpoint renders every image listed
 * here; BaseLayout looks a page up here by its path, so a page needs no change to get its image and
 * an image cannot exist without the page that uses it. The list itself is src/lib/share-images.ts,
 * made here from Astro's collections.
 */
import { getConsidered, getDistricts, getNews, getProjects } from './content.ts';
import { getOutlines } from './geo.ts';
import { shareImageList, type ShareImage } from '~/lib/share-images.ts';
import { once } from '~/lib/once.ts';

export type { ShareImage };

/** Every share image of the site, with its card; made once per build. */
export const shareImages = once(async (): Promise<ShareImage[]> => {
  const [projects, districts, news, considered, outlines] = await Promise.all([getProjects(), getDistricts(), getNews(), getConsidered(), getOutlines()]);
  return shareImageList({ projects, districts, news, considered }, outlines);
});

const byPage = once(async () => new Map((await shareImages()).flatMap((i) => i.pages.map((p) => [p, i] as const))));

/** The share image of the page at `pathname`, if it has one (looked up in a map: every page asks). */
export async function shareImageFor(pathname: string): Promise<ShareImage | undefined> {
  return (await byPage()).get(pathname);
}
