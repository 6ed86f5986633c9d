import { describe, expect, test } from 'vitest';
import { closest, enumMessage, normaliseWord } from '../../src/lib/suggest.ts';
import { CATEGORIES, DISTRICT_SLUGS, LANGUAGE_SYNONYMS, LOCALES, SOURCE_LANGUAGES, STAGE_SYNONYMS, STATUS_STAGES } from '../../src/lib/vocabulary.ts';

describe('normaliseWord', () => {
  test.each([
    // case and surrounding space
    ['  Done ', 'done'],
    // hyphens, underscores and runs of spaces are one space
    ['in_progress', 'in progress'],
    ['nearly--completed', 'nearly completed'],
    // ё is written as е
    ['Идёт строительство', 'идет строительство'],
    // a full stop at the end
    ['завершено.', 'завершено'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseWord(input)).toBe(expected);
  });
});

describe('the synonym tables', () => {
  test.each([
    ['STAGE_SYNONYMS', STAGE_SYNONYMS, STATUS_STAGES],
    ['LANGUAGE_SYNONYMS', LANGUAGE_SYNONYMS, SOURCE_LANGUAGES],
  ] as const)('%s: keys are written as normaliseWord writes them, values are allowed values', (_name, table, allowed) => {
    for (const [word, value] of Object.entries(table)) {
      expect(normaliseWord(word), word).toBe(word);
      expect(allowed as readonly string[], word).toContain(value);
    }
  });

  test('no word is itself an allowed stage (it would never reach the table)', () => {
    for (const word of Object.keys(STAGE_SYNONYMS)) expect(STATUS_STAGES as readonly string[]).not.toContain(word);
  });
});

describe('closest', () => {
  test.each([
    // near misses, by spelling
    ['medue', DISTRICT_SLUGS, 'medeu'],
    ['complete', STATUS_STAGES, 'completed'],
    ['in progress', STATUS_STAGES, 'in-progress'],
    // words editors use for a stage
    ['done', STATUS_STAGES, 'completed'],
    ['Finished', STATUS_STAGES, 'completed'],
    ['under construction', STATUS_STAGES, 'in-progress'],
    ['almost done', STATUS_STAGES, 'nearly-completed'],
    ['Открыт', STATUS_STAGES, 'opened'],
    ['завершено', STATUS_STAGES, 'completed'],
    ['строится', STATUS_STAGES, 'in-progress'],
    ['почти готово', STATUS_STAGES, 'nearly-completed'],
    ['планируется', STATUS_STAGES, 'planned'],
    // language names
    ['Russian', LOCALES, 'ru'],
    ['қазақша', LOCALES, 'kk'],
    // a synonym never suggests a value of another vocabulary
    ['done', CATEGORIES, undefined],
    // nothing close
    ['xyzzy', STATUS_STAGES, undefined],
    ['', STATUS_STAGES, undefined],
    [42, STATUS_STAGES, undefined],
  ] as const)('%j in %j → %j', (input, allowed, expected) => {
    expect(closest(input, allowed)).toBe(expected);
  });

  test('a word that is a property of every object is not a synonym', () => {
    expect(closest('constructor', STATUS_STAGES)).toBeUndefined();
  });
});

describe('enumMessage', () => {
  test('suggests for a stage under any field path, e.g. a status report in a list', () => {
    expect(enumMessage('status[1].stage', 'done', STATUS_STAGES)).toBe(
      'status[1].stage "done" is not allowed; allowed values: opened, completed, nearly-completed, in-progress, planned, conflicting. Did you mean "completed"?',
    );
  });

  test('lists the allowed values without a guess when there is none', () => {
    expect(enumMessage('status.stage', 'xyzzy', STATUS_STAGES)).not.toContain('Did you mean');
  });
});
