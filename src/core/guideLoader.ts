import { readTextOrReport, unreadable, type ContentFileSystem } from './contentFileSystem';
import { lineRange, type Finding, type FindingCode, type Range, type Severity } from './findings';
import { readFrontMatter, type FrontMatter } from './frontMatter';
import { splitItemId, themeIdOf, type Guide, type GuideEntry, type Question, type Quote, type Source, type Theme } from './guide';

/** The file that makes a folder a guide; every other `.md` file in it is a theme. */
export const GUIDE_FILE = 'guide.md';

/**
 * Where a repository keeps guides of its own, relative to its root (a workspace folder, or the
 * folder the CLI runs in): loaded without configuration, before any `guideFolders`/`--guide-folder`.
 */
export const DEFAULT_GUIDE_FOLDER = '.dialogue-guide/guides';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** `strings`: a list whose every item is non-empty text, each item checked where it stands. */
type FieldType = 'string' | 'number' | 'list' | 'strings';
type Path = readonly (string | number)[];

interface Field {
  readonly type: FieldType;
  readonly required: boolean;
}

const GUIDE_FIELDS: Record<string, Field> = {
  id: { type: 'string', required: true },
  version: { type: 'string', required: true },
  language: { type: 'string', required: true },
  translationOf: { type: 'string', required: false },
  title: { type: 'string', required: true },
  description: { type: 'string', required: false },
  attribution: { type: 'string', required: false },
};

const THEME_FIELDS: Record<string, Field> = {
  id: { type: 'string', required: true },
  order: { type: 'number', required: true },
  title: { type: 'string', required: true },
  questions: { type: 'list', required: true },
  quotes: { type: 'list', required: false },
};

const QUESTION_FIELDS: Record<string, Field> = {
  id: { type: 'string', required: true },
  label: { type: 'string', required: true },
  text: { type: 'string', required: true },
  hint: { type: 'string', required: false },
  probes: { type: 'strings', required: false },
  formerIds: { type: 'strings', required: false },
};

const QUOTE_FIELDS: Record<string, Field> = {
  id: { type: 'string', required: true },
  text: { type: 'string', required: true },
  speaker: { type: 'string', required: true },
  time: { type: 'string', required: true },
  source: { type: 'string', required: false },
};

/** Whether `id` can be a guide's or theme's id: lowercase letters, digits and single hyphens. */
export function isSlug(id: string): boolean {
  return SLUG.test(id);
}

/** Whether `code` reads as a language code such as `da`, `en` or `en-GB`. */
export function isLanguageCode(code: string): boolean {
  return LANGUAGE.test(code);
}

/** The objects of the guide format, each with the keys it may have. */
export type GuideObject = 'guide' | 'theme' | 'question' | 'quote';

/** Every key the format knows, per object, in the order the starter guide writes them: for completions, hovers and the schemas. */
export const GUIDE_KEYS: Readonly<Record<GuideObject, readonly string[]>> = {
  guide: Object.keys(GUIDE_FIELDS),
  theme: Object.keys(THEME_FIELDS),
  question: Object.keys(QUESTION_FIELDS),
  quote: Object.keys(QUOTE_FIELDS),
};

/** Whether `key` of `object` must be there. */
export function isRequiredKey(object: GuideObject, key: string): boolean {
  const fields = { guide: GUIDE_FIELDS, theme: THEME_FIELDS, question: QUESTION_FIELDS, quote: QUOTE_FIELDS }[object];
  return fields[key]?.required ?? false;
}

/** A guide, when it loaded without errors, and everything found on the way. */
export interface GuideLoadResult {
  readonly guide?: Guide;
  readonly findings: readonly Finding[];
}

/** The guides found under some folders, and everything wrong with them. */
export interface GuideLibrary {
  readonly entries: readonly GuideEntry[];
  readonly findings: readonly Finding[];
}

/** Collects findings for one file; knows where in the file each path is. */
class FileChecker {
  readonly findings: Finding[] = [];

  constructor(
    readonly file: string,
    private readonly frontMatter: FrontMatter,
  ) {}

  report(code: FindingCode, path: Path, args: Record<string, string> = {}, severity: Severity = 'error', part: 'key' | 'value' = 'value'): void {
    this.findings.push({ code, severity, file: this.file, range: this.frontMatter.rangeOf(path, part), args });
  }

  rangeOf(path: Path): Range {
    return this.frontMatter.rangeOf(path);
  }

  /** Checks an object against its fields; returns it when every required field has a usable value. */
  object(value: unknown, path: Path, fields: Record<string, Field>): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.report('field.type', path, { key: String(path.at(-1) ?? ''), expected: 'object' });
      return undefined;
    }
    const record = value as Record<string, unknown>;
    let usable = true;
    for (const key of Object.keys(record)) {
      if (!(key in fields)) this.report('field.unknown', [...path, key], { key }, 'warning', 'key');
    }
    for (const [key, field] of Object.entries(fields)) {
      const item = record[key];
      if (item === undefined || item === null) {
        if (field.required) {
          this.report('field.missing', path, { key });
          usable = false;
        }
        continue;
      }
      if (field.type === 'strings' && Array.isArray(item)) {
        if (!this.strings(item, [...path, key], key)) usable = false;
      } else if (!this.hasType(item, field.type)) {
        this.report('field.type', [...path, key], { key, expected: field.type });
        usable = false;
      } else if (field.type === 'string' && (item as string).trim() === '') {
        this.report('field.empty', [...path, key], { key });
        usable = false;
      }
    }
    return usable ? record : undefined;
  }

  /** Whether every item of a list of texts is non-empty text; each one that is not is reported on its own line. */
  private strings(items: readonly unknown[], path: Path, key: string): boolean {
    let usable = true;
    items.forEach((item, i) => {
      if (typeof item !== 'string') this.report('field.type', [...path, i], { key, expected: 'strings' });
      else if (item.trim() === '') this.report('field.empty', [...path, i], { key });
      else return;
      usable = false;
    });
    return usable;
  }

  private hasType(value: unknown, type: FieldType): boolean {
    switch (type) {
      case 'string':
        return typeof value === 'string';
      case 'strings':
        return false;
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'list':
        return Array.isArray(value);
    }
  }
}

async function readFile(fs: ContentFileSystem, file: string, findings: Finding[]): Promise<FrontMatter | undefined> {
  const text = await readTextOrReport(fs, file, findings);
  if (text === undefined) return undefined;
  const result = readFrontMatter(text);
  if (!result.ok) {
    const { code, range, detail } = result.problem;
    findings.push({ code, severity: 'error', file, range, args: { detail } });
    return undefined;
  }
  return result.frontMatter;
}

/** Loads the guide in `folder`: its `guide.md` and one Markdown file per theme. */
export async function loadGuide(fs: ContentFileSystem, folder: string): Promise<GuideLoadResult> {
  const findings: Finding[] = [];
  const guideFile = fs.join(folder, GUIDE_FILE);
  let names: string[];
  try {
    names = (await fs.readDirectory(folder)).filter((e) => !e.isDirectory && e.name.endsWith('.md')).map((e) => e.name).sort();
  } catch (error) {
    findings.push(unreadable(folder, error));
    return { findings };
  }
  if (!names.includes(GUIDE_FILE)) {
    findings.push({ code: 'guide.missingFile', severity: 'error', file: guideFile, range: lineRange(0), args: { file: GUIDE_FILE } });
    return { findings };
  }

  const header = await readGuideHeader(fs, guideFile, findings);
  const themes: Theme[] = [];
  const formerIds: FormerId[] = [];
  for (const name of names.filter((n) => n !== GUIDE_FILE)) {
    const theme = await readTheme(fs, fs.join(folder, name), findings, formerIds);
    if (theme) themes.push(theme);
  }
  themes.sort((a, b) => a.order - b.order);
  const numbered = themes.map((theme, t) => ({
    ...theme,
    questions: theme.questions.map((q, i) => ({ ...q, number: `${t + 1}.${i + 1}` })),
  }));

  checkDuplicateIds(numbered, formerIds, findings);
  if (header && numbered.length === 0 && !findings.some((f) => f.severity === 'error')) {
    findings.push({ code: 'guide.noThemes', severity: 'error', file: guideFile, range: lineRange(0), args: {} });
  }
  if (!header || findings.some((f) => f.severity === 'error')) return { findings };
  return { guide: { ...header, themes: numbered, folder }, findings };
}

async function readGuideHeader(fs: ContentFileSystem, file: string, findings: Finding[]): Promise<Omit<Guide, 'themes' | 'folder'> | undefined> {
  const frontMatter = await readFile(fs, file, findings);
  if (!frontMatter) return undefined;
  const check = new FileChecker(file, frontMatter);
  const data = check.object(frontMatter.data, [], GUIDE_FIELDS);
  const result = data && checkHeaderValues(check, data);
  findings.push(...check.findings);
  return result;
}

function checkHeaderValues(check: FileChecker, data: Record<string, unknown>): Omit<Guide, 'themes' | 'folder'> | undefined {
  const id = data.id as string;
  const version = data.version as string;
  const language = data.language as string;
  const translationOf = data.translationOf as string | undefined;
  let ok = true;
  if (!SLUG.test(id)) {
    check.report('id.invalid', ['id'], { id });
    ok = false;
  }
  if (!SEMVER.test(version)) {
    check.report('version.invalid', ['version'], { version });
    ok = false;
  }
  for (const [key, value] of [['language', language], ['translationOf', translationOf]] as const) {
    if (value !== undefined && !LANGUAGE.test(value)) {
      check.report('field.type', [key], { key, expected: 'language' });
      ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    id,
    version,
    language,
    ...(translationOf ? { translationOf } : {}),
    title: data.title as string,
    description: (data.description as string | undefined) ?? '',
    attribution: (data.attribution as string | undefined) ?? '',
    source: { file: check.file, range: check.rangeOf(['id']) },
  };
}

/** A former id of a question and where it is written, so a clash is reported on its own line. */
interface FormerId {
  readonly id: string;
  readonly source: Source;
}

async function readTheme(fs: ContentFileSystem, file: string, findings: Finding[], formerIds: FormerId[]): Promise<Theme | undefined> {
  const frontMatter = await readFile(fs, file, findings);
  if (!frontMatter) return undefined;
  const check = new FileChecker(file, frontMatter);
  const data = check.object(frontMatter.data, [], THEME_FIELDS);
  let theme: Theme | undefined;
  if (data) {
    const id = data.id as string;
    if (!SLUG.test(id)) check.report('id.invalid', ['id'], { id });
    const questions = (data.questions as unknown[]).flatMap((value, i) => {
      const q = check.object(value, ['questions', i], QUESTION_FIELDS);
      if (!q || !checkChildId(check, id, q.id as string, ['questions', i, 'id'])) return [];
      const former = (q.formerIds as string[] | undefined) ?? [];
      // A former id may name another theme: a question can move. It must still read `<theme>/<name>`.
      const valid = former.every((formerId, j) => checkChildId(check, themeIdOf(formerId) ?? '', formerId, ['questions', i, 'formerIds', j]));
      former.forEach((formerId, j) => formerIds.push({ id: formerId, source: { file, range: check.rangeOf(['questions', i, 'formerIds', j]) } }));
      if (!valid) return [];
      const question: Question = {
        id: q.id as string,
        themeId: id,
        label: q.label as string,
        text: q.text as string,
        number: '',
        ...(q.hint === undefined ? {} : { hint: q.hint as string }),
        ...(q.probes === undefined ? {} : { probes: q.probes as string[] }),
        ...(former.length === 0 ? {} : { formerIds: former }),
        source: { file, range: check.rangeOf(['questions', i, 'id']) },
      };
      return [question];
    });
    const quotes = ((data.quotes as unknown[] | undefined) ?? []).flatMap((value, i) => {
      const q = check.object(value, ['quotes', i], QUOTE_FIELDS);
      if (!q || !checkChildId(check, id, q.id as string, ['quotes', i, 'id'])) return [];
      const quote: Quote = {
        id: q.id as string,
        text: q.text as string,
        speaker: q.speaker as string,
        time: q.time as string,
        ...(q.source === undefined ? {} : { publication: q.source as string }),
        source: { file, range: check.rangeOf(['quotes', i, 'id']) },
      };
      return [quote];
    });
    if ((data.questions as unknown[]).length === 0) check.report('theme.noQuestions', ['questions'], { id });
    theme = {
      id,
      order: data.order as number,
      title: data.title as string,
      intro: frontMatter.body.trim(),
      questions,
      quotes,
      source: { file, range: check.rangeOf(['id']) },
    };
  }
  findings.push(...check.findings);
  return theme;
}

/** Question and quote ids read `<theme id>/<slug>`, so an id says where it belongs. */
function checkChildId(check: FileChecker, themeId: string, id: string, path: Path): boolean {
  const parts = splitItemId(id);
  // A name is a slug, so a second `/` makes the id invalid.
  if (!parts || !SLUG.test(parts.name) || !SLUG.test(parts.themeId)) {
    check.report('id.invalid', path, { id });
    return false;
  }
  if (parts.themeId !== themeId) {
    check.report('id.wrongTheme', path, { id, theme: themeId });
    return false;
  }
  return true;
}

/** No id is used twice, and no former id is an id in use or another question's former id: a marker must name one question. */
function checkDuplicateIds(themes: readonly Theme[], formerIds: readonly FormerId[], findings: Finding[]): void {
  const seen = new Map<string, string>();
  const items = [...themes.flatMap((t) => [t, ...t.questions, ...t.quotes]), ...formerIds];
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) {
      findings.push({ code: 'id.duplicate', severity: 'error', file: item.source.file, range: item.source.range, args: { id: item.id, first } });
    } else {
      seen.set(item.id, placeOf(item.source));
    }
  }
}

/** `file:line`, as a message names the place of an earlier definition. */
function placeOf(source: Source): string {
  return `${source.file}:${source.range.start.line + 1}`;
}

/**
 * Loads every guide found in `roots` (a folder holding `guide.md`, or up to two levels below)
 * and pairs translations with their original, checking that both use the same ids.
 */
export async function loadGuideLibrary(fs: ContentFileSystem, roots: readonly string[]): Promise<GuideLibrary> {
  const findings: Finding[] = [];
  const guides: Guide[] = [];
  for (const root of roots) {
    for (const folder of await findGuideFolders(fs, root, 2)) {
      const result = await loadGuide(fs, folder);
      findings.push(...result.findings);
      if (result.guide) guides.push(result.guide);
    }
  }

  const entries: GuideEntry[] = [];
  for (const original of guides.filter((g) => !g.translationOf)) {
    const used = entries.find((e) => e.id === original.id)?.original;
    if (used) {
      // The first one found is used, whatever the versions: the message says which, and where.
      const args = { id: original.id, first: placeOf(used.source), firstTitle: used.title, firstVersion: used.version, version: original.version };
      findings.push({ code: 'guide.duplicate', severity: 'error', file: original.source.file, range: original.source.range, args });
      continue;
    }
    // One guide per language: a second translation into a language (or into the original's) is never shown.
    const byLanguage = new Map<string, Guide>([[original.language, original]]);
    const translations = guides.filter((g) => g.id === original.id && g.translationOf === original.language && g !== original).filter((t) => {
      const first = byLanguage.get(t.language);
      if (!first) {
        byLanguage.set(t.language, t);
        return true;
      }
      findings.push({ code: 'translation.duplicate', severity: 'error', file: t.source.file, range: t.source.range, args: { id: t.id, language: t.language, first: placeOf(first.source) } });
      return false;
    });
    const matching = translations.filter((t) => {
      const problems = compareIds(original, t);
      findings.push(...problems);
      // Order is only a warning: the translation is shown in the original's order (inLanguage).
      if (problems.length === 0) findings.push(...compareOrder(original, t), ...compareFormerIds(original, t));
      return problems.length === 0;
    });
    entries.push({ id: original.id, original, translations: matching });
  }
  for (const translation of guides.filter((g) => g.translationOf)) {
    if (!guides.some((g) => !g.translationOf && g.id === translation.id && g.language === translation.translationOf)) {
      findings.push({ code: 'translation.noOriginal', severity: 'error', file: translation.source.file, range: translation.source.range, args: { id: translation.id, language: translation.translationOf ?? '' } });
    }
  }
  return { entries, findings };
}

async function findGuideFolders(fs: ContentFileSystem, folder: string, depth: number): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readDirectory(folder);
  } catch {
    return [];
  }
  if (entries.some((e) => !e.isDirectory && e.name === GUIDE_FILE)) return [folder];
  if (depth === 0) return [];
  const nested = await Promise.all(
    entries.filter((e) => e.isDirectory && !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name)).map((e) => findGuideFolders(fs, fs.join(folder, e.name), depth - 1)),
  );
  return nested.flat();
}

/** A translation must have exactly the original's ids, in the same themes. */
function compareIds(original: Guide, translation: Guide): Finding[] {
  const idsOf = (guide: Guide) => new Map(guide.themes.flatMap((t) => [t, ...t.questions, ...t.quotes].map((item) => [item.id, item.source] as const)));
  const expected = idsOf(original);
  const actual = idsOf(translation);
  const findings: Finding[] = [];
  for (const [id, source] of actual) {
    if (!expected.has(id)) {
      findings.push({ code: 'translation.extraId', severity: 'error', file: source.file, range: source.range, args: { id, language: original.language } });
    }
  }
  for (const [id] of expected) {
    if (!actual.has(id)) {
      findings.push({ code: 'translation.missingId', severity: 'error', file: translation.source.file, range: translation.source.range, args: { id, language: translation.language } });
    }
  }
  return findings;
}

/**
 * Renames are identity, so a translation's questions take the original's `formerIds` (inLanguage);
 * a translation that lists others would silently not be heard: a warning on the question.
 */
function compareFormerIds(original: Guide, translation: Guide): Finding[] {
  const originals = new Map(original.themes.flatMap((t) => t.questions).map((q) => [q.id, q.formerIds ?? []] as const));
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));
  return translation.themes.flatMap((theme) =>
    theme.questions
      .filter((q) => (q.formerIds?.length ?? 0) > 0 && !same(q.formerIds!, originals.get(q.id) ?? []))
      .map((q): Finding => ({ code: 'translation.formerIds', severity: 'warning', file: q.source.file, range: q.source.range, args: { id: q.id, language: original.language } })),
  );
}

/**
 * Themes, and questions within a theme, in another order than the original's: numbers come from
 * the original, so the translation's order would silently not be the one shown. One finding per
 * list, on the first item out of place.
 */
function compareOrder(original: Guide, translation: Guide): Finding[] {
  const findings: Finding[] = [];
  const compare = (expected: readonly string[], actual: readonly { readonly id: string; readonly source: Source }[], numberOf: (index: number) => string) => {
    const item = actual.find((a, i) => a.id !== expected[i]);
    if (!item) return;
    const number = numberOf(expected.indexOf(item.id));
    findings.push({ code: 'translation.order', severity: 'warning', file: item.source.file, range: item.source.range, args: { id: item.id, number, language: original.language } });
  };
  compare(original.themes.map((t) => t.id), translation.themes, (i) => String(i + 1));
  for (const theme of translation.themes) {
    const questions = original.themes.find((t) => t.id === theme.id)?.questions ?? [];
    compare(questions.map((q) => q.id), theme.questions, (i) => questions[i]!.number);
  }
  return findings;
}
