import { describe, expect, test } from 'vitest';
import { LOCAL_SITE, resolveSiteAddress } from '../../src/lib/site-address.ts';

describe('resolveSiteAddress', () => {
  test.each([
    // SITE_URL always wins, even on a host that gives its own address.
    [{ SITE_URL: 'https://news.example.kz', NETLIFY: 'true', CONTEXT: 'production', URL: 'https://x.netlify.app' }, '/', 'https://news.example.kz'],
    // Netlify production: the site's main address (its custom domain once attached).
    [{ NETLIFY: 'true', CONTEXT: 'production', URL: 'https://almaty.example.org', DEPLOY_PRIME_URL: 'https://main--almaty.netlify.app' }, '/', 'https://almaty.example.org'],
    // A Netlify deploy preview: the preview's own address, so its links lead to its own pages.
    [{ NETLIFY: 'true', CONTEXT: 'deploy-preview', URL: 'https://almaty.example.org', DEPLOY_PRIME_URL: 'https://deploy-preview-7--almaty.netlify.app' }, '/', 'https://deploy-preview-7--almaty.netlify.app'],
    // A variable merely called URL, with no Netlify, is not an address for us.
    [{ URL: 'https://elsewhere.example' }, '/', LOCAL_SITE],
    // Vercel production: the production domain, given without the scheme.
    [{ VERCEL: '1', VERCEL_ENV: 'production', VERCEL_PROJECT_PRODUCTION_URL: 'almaty.vercel.app', VERCEL_URL: 'almaty-abc123.vercel.app' }, '/', 'https://almaty.vercel.app'],
    // A Vercel preview: this deployment's domain.
    [{ VERCEL: '1', VERCEL_ENV: 'preview', VERCEL_PROJECT_PRODUCTION_URL: 'almaty.vercel.app', VERCEL_URL: 'almaty-abc123.vercel.app' }, '/', 'https://almaty-abc123.vercel.app'],
    // Cloudflare Pages: the deployment's address, the only one it gives.
    [{ CF_PAGES: '1', CF_PAGES_URL: 'https://4f2a1c.almaty.pages.dev' }, '/', 'https://4f2a1c.almaty.pages.dev'],
    // GitHub Pages, project site: only with BASE_PATH=/<repo>/; the host name is lower case.
    [{ CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'Newsroom/almaty-projects' }, '/almaty-projects/', 'https://newsroom.github.io'],
    // GitHub Pages, the <owner>.github.io repository itself: no base path.
    [{ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'newsroom/newsroom.github.io' }, '/', 'https://newsroom.github.io'],
    // A GitHub workflow with another base path (or none) is not a Pages build: no guess.
    [{ CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'newsroom/almaty-projects' }, '/', LOCAL_SITE],
    [{ CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'newsroom/almaty-projects' }, '/other/', LOCAL_SITE],
    // Nothing set: the local preview's address.
    [{}, '/', LOCAL_SITE],
  ])('%o under %s → %s', (env, base, url) => {
    expect(resolveSiteAddress(env, base).url).toBe(url);
  });

  test('warns when a CI or host build found no public address', () => {
    const ci = resolveSiteAddress({ CI: 'true' });
    expect(ci.local).toBe(true);
    expect(ci.warning).toMatch(/SITE_URL is not set/);
    expect(ci.warning).toContain(LOCAL_SITE);
    // A Netlify build whose variables are missing is not local either.
    expect(resolveSiteAddress({ NETLIFY: 'true' }).warning).toMatch(/SITE_URL/);
  });

  test.each([
    // A local build (npm start, npm test on a laptop) is quiet.
    [{}],
    [{ CI: 'false' }],
    [{ CI: '0' }],
    // NODE_ENV says nothing: astro build sets it to production itself.
    [{ NODE_ENV: 'production' }],
  ])('no warning for a local build: %o', (env) => {
    expect(resolveSiteAddress(env).warning).toBeUndefined();
  });

  test('a public address needs no warning, except Cloudflare’s per-deployment one', () => {
    expect(resolveSiteAddress({ CI: 'true', SITE_URL: 'https://x.example' }).warning).toBeUndefined();
    expect(resolveSiteAddress({ CI: '1', VERCEL: '1', VERCEL_ENV: 'production', VERCEL_PROJECT_PRODUCTION_URL: 'a.vercel.app' }).warning).toBeUndefined();
    expect(resolveSiteAddress({ CI: 'true', CF_PAGES: '1', CF_PAGES_URL: 'https://4f2a1c.almaty.pages.dev' }).warning).toMatch(/this deployment's own/);
  });

  test('says where the address came from', () => {
    expect(resolveSiteAddress({ SITE_URL: 'https://x.example' }).from).toBe('SITE_URL');
    expect(resolveSiteAddress({ NETLIFY: 'true', CONTEXT: 'production', URL: 'https://x.example' }).from).toMatch(/Netlify URL/);
  });

  test('stops on a SITE_URL that is not an address', () => {
    expect(() => resolveSiteAddress({ SITE_URL: 'news.example.kz' })).toThrow(/absolute http\(s\) address/);
  });
});
