/**
 * The inclusion rule: what makes an item a project on our list, stated once in three languages.
 *
 * The akimat's own list of "more than 60" projects is not public, so our list is the items that open
 * sources itemise and that meet this rule. Everything else the research found is kept, with the rule
 * it fails, in `content/considered/` ("considered, not included"). content/README.md quotes the rule
 * for editors; the /data/ page prints it from here. The rule is editorial text rather than interface
 * wording, so it lives here with its reasons instead of in the dictionaries, and the two cannot drift.
 *
 * Pure and dependency-free apart from the vocabulary.
 */
import type { ConsideredReason, Locale } from './vocabulary.ts';

export interface InclusionRuleText {
  /** One sentence that introduces the conditions. */
  lead: string;
  /** The conditions; all must hold. */
  conditions: readonly string[];
  /** What the rule leaves out, in one sentence. */
  exclusions: string;
  /** What being on the list does and does not mean. */
  note: string;
}

export const INCLUSION_RULE: Record<Locale, InclusionRuleText> = {
  ru: {
    lead: 'Объект входит в наш перечень, если выполнены все три условия:',
    conditions: [
      'источник называет его по отдельности — названием, адресом или микрорайоном — и помещает в Алматы;',
      'он относится к одному из четырёх блоков сообщения акимата: социальные объекты (школы, детские сады, специализированные учреждения, центры активного долголетия); благоустройство (дворы, парки, скверы, пешеходные и прогулочные зоны, озеленение, уличное освещение, малые архитектурные формы); производства в Индустриальной зоне Алматы; коммунальные сети и системы (водоснабжение, водоотведение, теплоснабжение, модернизация коммунальных систем);',
      'источник связывает его с Днём Республики 2025 года, или источник сообщает, что он открыт, завершён или почти завершён между 1 сентября и 31 декабря 2025 года, или источник 2025 года ожидает его завершения в этот период.',
    ],
    exclusions:
      'Не входят: объекты, которые источники связывают с другим поводом (школы, открытые 1 сентября ко Дню знаний); итоги и пакеты работ, в которых не назван отдельный объект; то, что ни один источник 2025 года не относит к этому периоду (недатированные планы, завершение до сентября 2025 года или после 2025 года).',
    note:
      'Место в нашем перечне не означает, что объект есть в перечне акимата: тот не опубликован. Поле «Связь с Днём Республики» говорит, связывает ли источник объект с Днём Республики (подтверждена), не связывает (не подтверждена) или другие сведения делают это маловероятным (маловероятна). История статуса каждого проекта показывает, что и когда сообщил каждый источник.',
  },
  kk: {
    lead: 'Нысан біздің тізімге мына үш шарттың бәрі орындалса енеді:',
    conditions: [
      'дереккөз оны жеке атайды — атауымен, мекенжайымен немесе шағынауданымен — және Алматыда орналасқанын көрсетеді;',
      'ол әкімдік хабарламасының төрт бөлігінің біріне жатады: әлеуметтік нысандар (мектептер, балабақшалар, мамандандырылған мекемелер, белсенді ұзақ өмір сүру орталықтары); абаттандыру (аулалар, саябақтар, скверлер, жаяу жүргіншілер мен серуен аймақтары, көгалдандыру, көше жарығы, шағын сәулет пішіндері); Алматы индустриялық аймағындағы өндірістер; коммуналдық желілер мен жүйелер (сумен жабдықтау, су бұру, жылумен жабдықтау, коммуналдық жүйелерді жаңғырту);',
      'дереккөз оны 2025 жылғы Республика күнімен байланыстырады, немесе дереккөз оның 2025 жылғы 1 қыркүйек пен 31 желтоқсан аралығында ашылғанын, аяқталғанын немесе аяқталуға жақын екенін хабарлайды, немесе 2025 жылғы дереккөз оның осы кезеңде аяқталуын күтеді.',
    ],
    exclusions:
      'Енбейтіндер: дереккөздер басқа оқиғамен байланыстыратын нысандар (1 қыркүйекте Білім күніне ашылған мектептер); жеке нысан аталмаған қорытындылар мен жұмыс пакеттері; 2025 жылғы ешбір дереккөз осы кезеңге жатқызбайтындар (күні жоқ жоспарлар, 2025 жылғы қыркүйекке дейін немесе 2025 жылдан кейін аяқталатындар).',
    note:
      'Біздің тізімде болуы нысанның әкімдік тізімінде бар екенін білдірмейді: ол жарияланбаған. «Республика күнімен байланысы» өрісі дереккөздің нысанды Республика күнімен байланыстыратынын (расталған), байланыстырмайтынын (расталмаған) немесе басқа мәліметтер бойынша бұл екіталай екенін (екіталай) көрсетеді. Әр жобаның мәртебе тарихы қай дереккөздің не және қашан хабарлағанын көрсетеді.',
  },
  en: {
    lead: 'An item is on our list when all three conditions hold:',
    conditions: [
      'a source names it on its own — by name, address or microdistrict — and places it in Almaty;',
      'it belongs to one of the four blocks of the akimat’s announcement: social facilities (schools, kindergartens, specialised institutions, active-longevity centres); improvement (yards, parks, squares, pedestrian and recreation zones, greening, street lighting, small architectural forms); production sites in the Almaty industrial zone; utility networks and systems (water supply, sewerage, heating, modernisation of utility systems);',
      'a source ties it to Republic Day 2025, or a source reports it opened, completed or nearly completed between 1 September and 31 December 2025, or a source published in 2025 expects it to be completed in that period.',
    ],
    exclusions:
      'Not on the list: objects that sources tie to another occasion (the schools opened on 1 September for Knowledge Day); totals and packages of work that name no single object; items that no 2025 source places in that period (undated plans, completion before September 2025 or after 2025).',
    note:
      'Being on our list does not mean the object is on the akimat’s list, which is not public. The “Tie to Republic Day” field says whether a source ties the object to Republic Day (confirmed), does not (not confirmed), or other evidence makes it unlikely (unlikely). Each project’s status history shows what each source said, and when.',
  },
};

/** The reason an item is "considered, not included", as a short label per language. */
export const CONSIDERED_REASON_LABELS: Record<Locale, Record<ConsideredReason, string>> = {
  ru: {
    'not-itemised': 'не назван отдельный объект',
    'not-in-almaty': 'не установлено, что это Алматы',
    'outside-categories': 'не из блоков сообщения акимата',
    'outside-period': 'вне периода сентябрь — декабрь 2025 года',
    'other-occasion': 'другой повод',
  },
  kk: {
    'not-itemised': 'жеке нысан аталмаған',
    'not-in-almaty': 'Алматыда екені анықталмаған',
    'outside-categories': 'әкімдік хабарламасының бөліктеріне жатпайды',
    'outside-period': '2025 жылғы қыркүйек — желтоқсан кезеңінен тыс',
    'other-occasion': 'басқа оқиға',
  },
  en: {
    'not-itemised': 'no single object named',
    'not-in-almaty': 'not established to be in Almaty',
    'outside-categories': 'outside the announcement’s blocks',
    'outside-period': 'outside September–December 2025',
    'other-occasion': 'another occasion',
  },
};

/** The rule as plain text in one language: lead, numbered conditions, exclusions and note. */
export function ruleText(lang: Locale): string {
  const r = INCLUSION_RULE[lang];
  return [r.lead, ...r.conditions.map((c, i) => `${i + 1}. ${c}`), r.exclusions, r.note].join('\n');
}
