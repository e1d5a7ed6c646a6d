/** A zero-based position in a text file, as editors count. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A zero-based, end-exclusive span of text. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * Stable codes for everything the core can find wrong. The shell turns them into
 * localised messages and diagnostics; tests and CI match on them.
 */
export type FindingCode =
  | 'file.unreadable'
  | 'frontMatter.missing'
  | 'frontMatter.unclosed'
  | 'frontMatter.language'
  | 'frontMatter.yaml'
  | 'field.missing'
  | 'field.empty'
  | 'field.type'
  | 'field.unknown'
  | 'id.invalid'
  | 'id.duplicate'
  | 'id.wrongTheme'
  | 'version.invalid'
  | 'guide.missingFile'
  | 'guide.noThemes'
  | 'guide.duplicate'
  | 'theme.noQuestions'
  | 'translation.noOriginal'
  | 'translation.missingId'
  | 'translation.extraId'
  | 'marker.unknown'
  | 'marker.duplicate'
  | 'marker.outsideTheme'
  | 'question.removed'
  | 'question.missing'
  | 'question.unanswered'
  | 'document.conflict'
  | 'document.noGuide'
  | 'document.unknownGuide'
  | 'marker.malformed'
  | 'marker.noHeading'
  | 'document.unclosedBlock'
  | 'themes.empty'
  | 'themes.unknown'
  | 'file.notRegular'
  | 'file.tooLarge'
  | 'file.invalidUtf8'
  | 'translation.duplicate'
  | 'frontMatter.aliases'
  | 'marker.misplaced'
  | 'heading.endsAnswer'
  | 'marker.twoHeadings'
  | 'translation.order'
  | 'translation.formerIds'
  | 'quote.changed'
  | 'quote.attribution'
  | 'quote.unknown'
  | 'marker.formerId'
  | 'document.behindGuide'
  | 'export.undrawable';

/** One problem, located in a file, with the values its message needs. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly file: string;
  readonly range: Range;
  /** Values for the message: ids, keys, expected types. */
  readonly args: Readonly<Record<string, string>>;
}

/** A range covering the start of one zero-based line. */
export function lineRange(line: number, length = 0): Range {
  return { start: { line, character: 0 }, end: { line, character: length } };
}
