// The deploy headers file must keep every protection the quality gate asks for.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const headers = readFileSync('public/_headers', 'utf8');
const block = (path: string) => {
  const lines = headers.split('\n');
  const start = lines.indexOf(path);
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l) && !l.startsWith('#'));
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
};

describe('public/_headers', () => {
  test.each([
    // header, what it must contain
    ['Strict-Transport-Security', 'max-age=31536000'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'geolocation=()'],
    ['Content-Security-Policy', "frame-ancestors 'self'"],
    ['Content-Security-Policy', "object-src 'none'"],
  ])('all pages send %s with %s', (name, value) => {
    expect(block('/*')).toMatch(new RegExp(`^\\s+${name}: .*${value.replace(/[()]/g, '\\$&')}`, 'm'));
  });

  test.each(['/embed/*', '/kk/embed/*', '/en/embed/*'])('%s may be framed by other sites', (path) => {
    expect(block(path)).toContain('frame-ancestors *');
  });
});
