import { describe, expect, test } from 'vitest';
import { CONSIDERED_REASON_LABELS, INCLUSION_RULE, ruleText } from '../../src/lib/inclusion.ts';
import { CONSIDERED_REASONS, LOCALES } from '../../src/lib/vocabulary.ts';

describe('the inclusion rule', () => {
  test.each(LOCALES)('%s states the same three conditions, the exclusions and the note', (lang) => {
    const r = INCLUSION_RULE[lang];
    expect(r.conditions).toHaveLength(INCLUSION_RULE.ru.conditions.length);
    for (const part of [r.lead, ...r.conditions, r.exclusions, r.note]) expect(part.trim().length).toBeGreaterThan(10);
  });

  test.each(LOCALES)('%s names the period the rule uses (September to December 2025)', (lang) => {
    // The period appears in the third condition in every language, so a translation cannot drop it.
    expect(INCLUSION_RULE[lang].conditions[2]).toMatch(/2025/);
    expect(INCLUSION_RULE[lang].conditions[2]).toMatch(/1 (сентября|September|қыркүйек)|(қыркүйек)/);
  });

  test.each(LOCALES)('%s has a label for every reason an item can be left off', (lang) => {
    expect(Object.keys(CONSIDERED_REASON_LABELS[lang]).sort()).toEqual([...CONSIDERED_REASONS].sort());
  });

  test('ruleText numbers the conditions', () => {
    expect(ruleText('en').split('\n').slice(1, 4).map((l) => l.slice(0, 3))).toEqual(['1. ', '2. ', '3. ']);
  });
});
