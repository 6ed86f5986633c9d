import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkPage, foreignText, guessLanguage, pathLanguage } from '../../scripts/check-pages.mjs';

// Each fixture in tests/fixtures/pages/ is tests/fixtures/pages/good.html with one thing broken (its
// first line says what).
const fixture = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}.html`, import.meta.url), 'utf8');
/** The rules a page breaks, each once. */
const rulesBroken = (name: string, path: string) => [...new Set(checkPage(fixture(name), path).map((p) => p.split(':')[0]))];

describe('checkPage', () => {
  test.each([
    // A page that keeps every rule: icon link with hidden text, labelled button and box, template ignored.
    ['good', '/en/x/', []],
    // The page language comes from the path, so the same page under /kk/ has the wrong <html lang>.
    ['good', '/kk/x/', ['lang']],
    ['csp-missing', '/en/x/', ['csp']],
    ['csp-late', '/en/x/', ['csp']],
    ['csp-no-script-src', '/en/x/', ['csp']],
    // Inline scripts and styles run only where the policy lists their hashes.
    ['csp-hashed-ok', '/en/x/', []],
    ['csp-style-unlisted', '/en/x/', ['csp']],
    ['csp-script-unlisted', '/en/x/', ['csp']],
    ['lang-html', '/en/x/', ['lang']],
    ['lang-en-cyrillic', '/en/x/', ['lang']],
    ['lang-en-attribute', '/en/x/', ['lang']],
    ['lang-kk-russian', '/kk/x/', ['lang']],
    ['lang-ru-kazakh', '/x/', ['lang']],
    // Proper names in quotes and short labels are not judged: the page passes.
    ['lang-names-ok', '/x/', []],
    ['ids-duplicate', '/en/x/', ['ids']],
    ['ids-fragment', '/en/x/', ['ids']],
    ['ids-labelledby', '/en/x/', ['ids']],
    ['names-link', '/en/x/', ['names']],
    ['names-hidden-text', '/en/x/', ['names']],
    ['names-button', '/en/x/', ['names']],
    ['names-input', '/en/x/', ['names']],
    // An SVG link (a static map's mark) is named by its <title> child, as browsers do (SVG-AAM)…
    ['names-svg-title-ok', '/en/x/', []],
    // …and without one it has no name.
    ['names-svg-empty', '/en/x/', ['names']],
    ['headings-skip', '/en/x/', ['headings']],
    ['headings-two-h1', '/en/x/', ['headings']],
    ['headings-before-h1', '/en/x/', ['headings']],
    ['headings-empty', '/en/x/', ['headings']],
    ['main-empty', '/en/x/', ['main']],
  ])('%s at %s breaks %j', (name, path, rules) => {
    expect(rulesBroken(name, path)).toEqual(rules);
  });

  test('a skipped rule is not reported', () => {
    expect(checkPage(fixture('lang-en-cyrillic'), '/en/x/', { skip: new Set(['lang']) })).toEqual([]);
  });

  test('says what is wrong and where', () => {
    expect(checkPage(fixture('ids-duplicate'), '/en/x/')).toEqual(['ids: id="facts" is used 2 times']);
    expect(checkPage(fixture('headings-skip'), '/en/x/')).toEqual(['headings: <h4> "Location" follows <h2>: level 3 is skipped']);
    expect(checkPage(fixture('lang-en-cyrillic'), '/en/x/')).toEqual([
      'lang: Cyrillic text needs lang="ru" or lang="kk": "The school Новая школа №220 opened on 1 September 2025, as the akimat reported." in <p>',
    ]);
  });
});

describe('pathLanguage', () => {
  test.each([
    ['/', 'ru'],
    ['/projects/x/', 'ru'],
    ['/kk/', 'kk'],
    ['/en/districts/medeu/', 'en'],
    // Only a first path segment counts as a language.
    ['/projects/en/', 'ru'],
  ])('%s is in %s', (path, lang) => expect(pathLanguage(path)).toBe(lang));
});

describe('guessLanguage', () => {
  test.each([
    // Russian function words.
    ['Новая школа на 2000 мест открыта в микрорайоне Айгерим', 'ru'],
    // Kazakh letters and function words.
    ['Медеу ауданындағы жаңа мектеп бойынша ақпарат', 'kk'],
    // Kazakh without a single Kazakh-only letter is too short to tell.
    ['Жобалар картасы: Алатау ауданы', undefined],
    // A quoted Kazakh name does not make Russian text Kazakh.
    ['— город (Управление энергетики и водоснабжения; «Алматы Қала Жарығы»)', undefined],
    ['Одна из пяти школ «Келешек мектептері», открытых в Алатауском районе в 2025 году', 'ru'],
    // A Kazakh label followed by a Russian note: the Russian outweighs it.
    ['тізіммен байланысы расталмаған — не подтверждено (возможный кандидат в одну из четырёх школ, открытых ко Дню Республики)', 'ru'],
    ['English only', undefined],
  ])('%s → %s', (text, lang) => expect(guessLanguage(text)).toBe(lang));
});

describe('foreignText', () => {
  test.each([
    // Any Cyrillic in English needs marking: an English voice cannot read it.
    ['Новости Mail', 'en', 'Cyrillic text needs lang="ru" or lang="kk"'],
    ['Новости Mail', '', 'Cyrillic text needs lang="ru" or lang="kk"'],
    ['Source', 'en', undefined],
    ['Новая школа на 2000 мест открыта в микрорайоне', 'ru', undefined],
    ['Новая школа на 2000 мест открыта в микрорайоне', 'kk', 'Russian text is marked as Kazakh; it needs lang="ru"'],
    ['Медеу ауданындағы жаңа мектеп бойынша ақпарат', 'ru', 'Kazakh text is marked as Russian; it needs lang="kk"'],
  ])('%s in %s', (text, lang, expected) => expect(foreignText(text, lang)).toBe(expected));
});
