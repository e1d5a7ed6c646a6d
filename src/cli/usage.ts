import type { Localise } from './l10n';

/** The commands, in the order help lists them. */
export type CommandName = 'check' | 'diff' | 'report' | 'sync' | 'new' | 'export' | 'guides' | 'new-guide';

/** Help for one command, or for the CLI as a whole. */
export function usage(t: Localise, command?: CommandName): string {
  switch (command) {
    case 'check':
      return t(`Usage: dialogue-guide check [files or globs…] [options]

Checks strategy documents against their guide: unknown or duplicate markers, Git conflict markers,
broken front matter and unanswered questions. Without files, checks every strategy document under
the current folder (node_modules and hidden folders are skipped).

Options:
  --require all|<n>%      fail unless every document has all (or n percent) of its questions answered
  --guide-folder <folder> also load the guides in this folder (repeatable)
  --format text|json|github
                          github prints annotations for GitHub Actions
  --locale da|en          the language of the messages
  -h, --help              print this help`);
    case 'diff':
      return t(`Usage: dialogue-guide diff --base <ref> [files…] [options]

Shows, question by question, which answers are new, changed or removed since a Git ref: a summary
to paste into a pull request. Without files, compares every strategy document under the current folder.

Options:
  --base <ref>            the branch, tag or commit to compare with (required)
  --guide-folder <folder> also load the guides in this folder (repeatable)
  --format text|json
  --locale da|en          the language of the messages
  -h, --help              print this help`);
    case 'report':
      return t(`Usage: dialogue-guide report [files or globs…] [options]

Shows how far each strategy document is, theme by theme: a row per document with its answered and
total questions per theme, its total, status and owners. Without files, covers every strategy
document under the current folder.

Options:
  --format markdown|json|csv
                          markdown is a table for a pull request or a GitHub job summary
  --guide-folder <folder> also load the guides in this folder (repeatable)
  --locale da|en          the language of the messages
  -h, --help              print this help`);
    case 'sync':
      return t(`Usage: dialogue-guide sync [files…] [options]

Gives strategy documents the questions their guide gained, renames markers of renamed questions
(formerIds) and records the guide's version, as the editor's Add Missing Questions does. Only
inserts: no answer is changed, and a document whose answers would not read back byte for byte is
left alone. Without files, synchronises every strategy document under the current folder.

Options:
  --check                 change nothing; exit 1 when a document needs a sync (for CI)
  --guide-folder <folder> also load the guides in this folder (repeatable)
  --locale da|en          the language of the messages
  -h, --help              print this help`);
    case 'new-guide':
      return t(`Usage: dialogue-guide new-guide --id <id> --title <title> --language <code> --out <folder>

Writes a starter guide of your own: guide.md and one theme with two example questions and a quote,
every key of the format once with a comment saying what it is for. Never overwrites a file. Keep it
in .dialogue-guide/guides/ of the repository and the editor and the CLI find it without configuration.

Options:
  --id <id>               the guide's id: lowercase letters, digits and hyphens
  --title <title>         the guide's title
  --language <code>       the language the guide is written in, such as da or en
  --out <folder>          the folder to write it to; missing folders are created
  --locale da|en          the language of the messages and of the starter's comments
  -h, --help              print this help`);
    case 'new':
      return t(`Usage: dialogue-guide new --guide <id> --title <title> --out <file.md> [options]

Writes a new strategy document for a guide, exactly as the editor's command does. Never overwrites a file.

Options:
  --guide <id>            the guide the strategy answers (see dialogue-guide guides)
  --title <title>         the strategy's title
  --out <file.md>         where to write it; missing folders are created
  --organisation <name>   who the strategy is for
  --themes <id,id,…>      only these themes (default: all)
  --language <code>       the guide's language, such as da or en (default: the guide's original)
  --quotes                include the guide's quotes
  --guide-folder <folder> also load the guides in this folder (repeatable)
  --locale da|en          the language of the messages
  -h, --help              print this help`);
    case 'export':
      return t(`Usage: dialogue-guide export <file.md> --out <file.docx|file.pdf|file.html> [options]

Exports a strategy document for a committee or a website: Word with the guide's headings, a tagged
PDF, or one self-contained HTML page, in the document's language, exactly as the editor's command
does. A broken document, or one whose guide is not loaded, is not exported. The document is never
changed, and an existing file is never replaced without --force.

Options:
  --out <file>            where to write it (required); missing folders are created. Its name
                          gives the kind of file: .docx, .pdf or .html
  --format docx|pdf|html  the kind of file, for a name without one of those endings
  --base <ref>            mark the answers changed since this Git branch, tag or commit
                          (tracked changes in Word, underlined and struck through in PDF and HTML);
                          the export names it, so a tag set when the committee last saw the
                          strategy reads best
  --quotes                include each theme's quotes from the guide
  --force                 replace --out if it exists
  --guide-folder <folder> also load the guides in this folder (repeatable)
  --locale da|en          the language of the messages
  -h, --help              print this help`);
    case 'guides':
      return t(`Usage: dialogue-guide guides [options]

Lists the guides: id, version, languages and title.

Options:
  --json                  print every guide in full: themes, questions and quotes, in every language
  --guide-folder <folder> also load the guides in this folder (repeatable)
  --locale da|en          the language of the messages
  -h, --help              print this help`);
    case undefined:
      return t(`Usage: dialogue-guide <command> [options]

Commands:
  check [files or globs…]       check strategy documents against their guide
  diff --base <ref> [files…]    show what changed since a Git ref, question by question
  report [files…]               a table of every document's answers per theme
  sync [files…] [--check]       add the questions the guide gained, rename renamed markers
  new --guide <id> --title <title> --out <file.md>
                                write a new strategy document
  export <file.md> --out <file.docx|file.pdf|file.html>
                                export a strategy document for a committee or a website
  guides [--json]               list the guides
  new-guide --id <id> --title <title> --language <code> --out <folder>
                                write a starter guide of your own

Every command takes --locale da|en and --help. "dialogue-guide --version" prints the version.
Exit codes: 0 all is well, 1 problems found or requirement not met, 2 bad usage or unreadable input,
3 an internal error (set DIALOGUE_GUIDE_DEBUG=1 for details).`);
  }
}

/** The first line of a command's help, `Usage: dialogue-guide check …`: what follows a usage error. */
export function usageLine(t: Localise, command: CommandName): string {
  return usage(t, command).split('\n', 1)[0]!;
}
