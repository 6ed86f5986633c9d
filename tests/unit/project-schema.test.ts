import { describe, expect, test } from 'vitest';
import { ProjectSchema } from '../../src/schemas/project.ts';

// A minimal valid project; each test replaces its status list. Not a real project.
const base = {
  title: { ru: 'Тестовая школа (фикстура)', kk: 'Сынақ мектебі (фикстура)', en: 'Test school (fixture)', translated: ['kk', 'en'] },
  description: { kk: 'Сынақ сипаттамасы.', en: 'A test description.', translated: ['kk', 'en'] },
  category: 'social',
  kind: 'school',
  republicDay: 'not-confirmed',
  confidence: 'medium',
  sources: [
    { url: 'https://example.org/plan', outlet: 'Fixture', language: 'ru' },
    { url: 'https://example.org/opening', outlet: 'Fixture', language: 'ru' },
  ],
};
const report = (stage: string, source: string, date?: string) => ({ stage, wording: { ru: stage }, source, ...(date ? { date } : {}) });

describe('ProjectSchema: status history', () => {
  test('exposes every report as history and the last one as status', () => {
    const data = ProjectSchema.parse({
      ...base,
      status: [report('planned', 'https://example.org/plan', '2025-08-29'), report('opened', 'https://example.org/opening', '2025-10-24')],
    });
    expect(data.history.map((r) => r.stage)).toEqual(['planned', 'opened']);
    expect(data.status).toMatchObject({ stage: 'opened', source: 'https://example.org/opening' });
    expect(data.status.date?.toISOString().slice(0, 10)).toBe('2025-10-24');
  });

  test.each([
    // An undated report may stand between dated ones: its place is the editor's reading of the sources.
    ['an undated report between dated ones', [report('planned', 'https://example.org/plan', '2025-08-29'), report('in-progress', 'https://example.org/plan'), report('opened', 'https://example.org/opening', '2025-10-24')]],
    // Two reports on the same day are in order.
    ['two reports of the same day', [report('nearly-completed', 'https://example.org/plan', '2025-10-24'), report('opened', 'https://example.org/opening', '2025-10-24')]],
  ])('accepts %s', (_name, status) => {
    expect(ProjectSchema.safeParse({ ...base, status }).success).toBe(true);
  });

  test('names the later of two dated reports that are out of order, even with an undated one between', () => {
    const r = ProjectSchema.safeParse({
      ...base,
      status: [report('opened', 'https://example.org/opening', '2025-10-24'), report('planned', 'https://example.org/plan'), report('planned', 'https://example.org/plan', '2025-08-29')],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({ path: ['status', 2, 'date'], message: expect.stringContaining('2025-08-29 is earlier than status[0].date 2025-10-24') }),
    ]);
  });

  test('suggests nothing for a source that is not near any listed one', () => {
    const r = ProjectSchema.safeParse({ ...base, status: [report('opened', 'https://elsewhere.example.com/news/1')] });
    expect(r.error?.issues[0]?.message).toContain('is not one of this project\'s sources');
    expect(r.error?.issues[0]?.message).not.toContain('Did you mean');
  });

  // An editor who misspells the district and a report's source should learn of both in one run, not
  // of the second only after fixing the first.
  test('reports a report source not listed even when another field of the file is wrong', () => {
    const r = ProjectSchema.safeParse({ ...base, district: 'medue', status: [report('opened', 'https://example.org/openin')] });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['district', 'status.0.source']);
  });

  test('does not blame the reports when the source list itself is broken', () => {
    const r = ProjectSchema.safeParse({ ...base, sources: [{ url: 'example.org/opening', outlet: 'Fixture' }], status: [report('opened', 'https://example.org/opening')] });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['sources.0.url']);
  });

  test('suggests the listed source when only the scheme differs', () => {
    const r = ProjectSchema.safeParse({ ...base, status: [report('opened', 'http://example.org/opening')] });
    expect(r.error?.issues[0]?.message).toContain('Did you mean https://example.org/opening?');
  });

  test('accepts translated languages in a wording and rejects an unknown one', () => {
    const wording = { ru: 'открыта', kk: 'ашылды', en: 'opened', translated: ['kk', 'en'] };
    expect(ProjectSchema.safeParse({ ...base, status: [{ ...report('opened', 'https://example.org/opening'), wording }] }).success).toBe(true);
    const bad = ProjectSchema.safeParse({ ...base, status: [{ ...report('opened', 'https://example.org/opening'), wording: { ...wording, translated: ['fr'] } }] });
    expect(bad.success).toBe(false);
  });
});

describe('ProjectSchema: passages in another language (foreign)', () => {
  const quote = 'ha comenzado a operar la planta';
  const note = (foreign: unknown, ru = `Источник на испанском: «${quote}».`) => ({
    ...base,
    status: [{ ...report('opened', 'https://example.org/opening'), note: { ru, en: `In Spanish: “${quote}”.`, translated: ['en'], foreign } }],
  });

  test('a passage that appears in the text is kept with its language', () => {
    const data = ProjectSchema.parse(note([{ lang: 'es', text: quote }]));
    expect(data.status.note?.foreign).toEqual([{ lang: 'es', text: quote }]);
  });

  test('a passage in none of the languages is an error naming it', () => {
    const r = ProjectSchema.safeParse(note([{ lang: 'es', text: 'ha comenzado a operar la plantа' }]));
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/foreign\[0\]\.text .*is not in .*copy the passage exactly/);
  });

  test('a language that is not a language tag is an error', () => {
    const r = ProjectSchema.safeParse(note([{ lang: 'Spanish', text: quote }]));
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/must be a language tag such as es or de, not/);
  });
});
