/**
 * Says, in the build log, which public address the links carry (src/lib/site-address.ts decides), and
 * at the very end of a build that is not for local use but found no public address, warns that every
 * absolute link points to this machine: the last thing in the log is the thing to fix.
 */
import type { AstroIntegration } from 'astro';
import type { SiteAddress } from '../lib/site-address.ts';

export default function siteAddress(address: SiteAddress): AstroIntegration {
  return {
    name: 'site-address',
    hooks: {
      'astro:build:start': ({ logger }) => {
        logger.info(`links point to ${address.url} (from ${address.from})`);
      },
      'astro:build:done': ({ logger }) => {
        if (address.warning) logger.warn(address.warning);
      },
    },
  };
}
