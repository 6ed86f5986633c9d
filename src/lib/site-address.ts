/**
 * The public address of the site, which every absolute link carries: canonicals, Open Graph tags, the
 * feeds, the sitemap, the citation, the embed code and the CSV `url` column.
 *
 * In order:
 *  1. `SITE_URL`, when set: the editors' own choice always wins.
 *  2. The address a host gives the build, where the host says which it is:
 *     - Netlify: `URL` (the site's main address, its custom domain once one is attached) for a
 *       production deploy (`CONTEXT=production`), else `DEPLOY_PRIME_URL` (the branch or preview
 *       deploy's own address), so that a preview's links lead to the preview's own pages.
 *     - Vercel: `VERCEL_PROJECT_PRODUCTION_URL` (the production domain) for `VERCEL_ENV=production`,
 *       else `VERCEL_URL` (this deployment's domain). Vercel gives both without `https://`.
 *     - Cloudflare Pages: `CF_PAGES_URL`, the address of this very deployment
 *       (`https://<hash>.<project>.pages.dev`). Cloudflare gives no variable with the production
 *       address, so this is only a working address, and the build says so.
 *     - GitHub Actions building for GitHub Pages: `https://<owner>.github.io` from `GITHUB_REPOSITORY`,
 *       but only when the base path fits: `BASE_PATH=/<repo>/` for a project site, none for the
 *       `<owner>.github.io` repository. A workflow that only runs tests (or deploys elsewhere) sets
 *       neither, and guessing there would put a wrong address in every file.
 *  3. Otherwise the local preview server's address, http://127.0.0.1:4321, which is right for
 *     `npm start` and wrong anywhere else. A build that is not for local use (`CI` is set, or a
 *     host's own flag) then gets a warning at its end.
 *
 * Pure: the caller passes the environment, so the resolution is unit-tested (tests/unit/site-address.test.ts).
 */

/** The address of `astro preview` (`npm start`). */
export const LOCAL_SITE = 'http://127.0.0.1:4321';

export interface SiteAddress {
  /** The site's origin (and path, when SITE_URL gives one), for astro.config.mjs `site`. */
  url: string;
  /** Where it came from, in words for the build log: "SITE_URL", "Netlify URL (production deploy)"… */
  from: string;
  /** True when no public address was found and the local one is used. */
  local: boolean;
  /** A warning to print at the end of the build, when the address is not the public one. */
  warning?: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

const set = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '';
/** CI and the hosts' flags count as set unless empty, "0" or "false". */
const flag = (v: string | undefined) => set(v) && !['0', 'false'].includes(v.trim().toLowerCase());
/** Vercel's variables are bare domain names. */
const https = (host: string) => (/^https?:\/\//i.test(host) ? host : `https://${host}`);
const slashes = (base: string) => `/${base.split('/').filter(Boolean).join('/')}/`.replace('//', '/');

/** Is this address usable as `site`: an absolute http(s) URL? */
function valid(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * A build for somewhere other than this machine: CI is set (GitHub Actions, GitLab, Vercel and
 * Cloudflare set it) or a host says it runs the build. NODE_ENV cannot tell: `astro build` sets it to
 * "production" itself before the configuration is read.
 */
const NOT_LOCAL = (env: Env) => ['CI', 'NETLIFY', 'VERCEL', 'CF_PAGES', 'GITHUB_ACTIONS'].some((k) => flag(env[k]));

const HOSTS =
  'Netlify (URL, DEPLOY_PRIME_URL), Vercel (VERCEL_PROJECT_PRODUCTION_URL, VERCEL_URL), Cloudflare Pages (CF_PAGES_URL) ' +
  'or GitHub Pages (GITHUB_REPOSITORY with BASE_PATH=/<repository>/)';

function hostAddress(env: Env, basePath: string): Omit<SiteAddress, 'local'> | undefined {
  if (flag(env['NETLIFY'])) {
    const production = env['CONTEXT'] === 'production';
    const url = production ? env['URL'] : (env['DEPLOY_PRIME_URL'] ?? env['URL']);
    if (set(url)) return { url, from: production ? 'Netlify URL (production deploy)' : `Netlify DEPLOY_PRIME_URL (${env['CONTEXT'] ?? 'deploy'})` };
  }
  if (flag(env['VERCEL']) || set(env['VERCEL_URL'])) {
    const production = env['VERCEL_ENV'] === 'production';
    if (production && set(env['VERCEL_PROJECT_PRODUCTION_URL'])) {
      return { url: https(env['VERCEL_PROJECT_PRODUCTION_URL']), from: 'Vercel VERCEL_PROJECT_PRODUCTION_URL (production deploy)' };
    }
    if (set(env['VERCEL_URL'])) return { url: https(env['VERCEL_URL']), from: `Vercel VERCEL_URL (${env['VERCEL_ENV'] ?? 'deploy'})` };
  }
  if (set(env['CF_PAGES_URL'])) {
    return {
      url: env['CF_PAGES_URL'],
      from: 'Cloudflare Pages CF_PAGES_URL',
      warning:
        `the site address is this deployment's own (${env['CF_PAGES_URL']}), because Cloudflare Pages gives the build no production address. ` +
        'Set SITE_URL to the public address (e.g. https://<project>.pages.dev or your domain) so that links in the files outlive this deployment.',
    };
  }
  if (flag(env['GITHUB_ACTIONS']) && set(env['GITHUB_REPOSITORY'])) {
    const [owner = '', repo = ''] = env['GITHUB_REPOSITORY'].split('/');
    const host = `${owner.toLowerCase()}.github.io`;
    const expected = repo.toLowerCase() === host ? '/' : `/${repo}/`;
    if (owner && repo && slashes(basePath) === expected) {
      return { url: `https://${host}`, from: `GitHub Pages (GITHUB_REPOSITORY=${env['GITHUB_REPOSITORY']}, BASE_PATH=${expected})` };
    }
  }
  return undefined;
}

/**
 * The site address for a build. `basePath` is the BASE_PATH the build uses ("/" for none), needed to
 * tell a GitHub Pages build from any other workflow.
 */
export function resolveSiteAddress(env: Env, basePath = '/'): SiteAddress {
  if (set(env['SITE_URL'])) {
    const url = env['SITE_URL'].trim();
    if (!valid(url)) throw new Error(`SITE_URL must be an absolute http(s) address such as https://example.org; got "${url}"`);
    return { url, from: 'SITE_URL', local: false };
  }
  const host = hostAddress(env, basePath);
  if (host && valid(host.url)) return { ...host, local: false };
  return {
    url: LOCAL_SITE,
    from: 'the local default (no SITE_URL)',
    local: true,
    warning: NOT_LOCAL(env)
      ? `SITE_URL is not set and no host address was found (${HOSTS}), so canonical links, the feeds, the sitemap, ` +
        `the citation, the embed code and the url column of the downloads all point to ${LOCAL_SITE}, which works only on this machine. ` +
        'Set SITE_URL=https://… (and BASE_PATH for a sub-path) and build again before deploying.'
      : undefined,
  };
}
