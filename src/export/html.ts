/**
 * The export as one self-contained HTML page for the municipality's website: real headings, the
 * document's language, inline CSS with an A4 print stylesheet, no script and nothing loaded from
 * anywhere. Every text is escaped; links are only those the model kept (http, https, mailto).
 */
import type { Block, ExportModel, ExportQuestion, ExportTheme, Inline, RevisedBlock } from '../core/export/exportModel';
import type { ExportLabels } from '../l10n/exportLabels';
import { titleBlockRows } from './titleBlock';

const STYLE = `
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; line-height: 1.5; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 2rem; margin-bottom: 0.5rem; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.1rem; margin-top: 1.75rem; }
dl.title-block { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.title-block dt { font-weight: bold; }
dl.title-block dd { margin: 0; }
.unanswered { color: #595959; font-style: italic; }
.changes { border-left: 4px solid #999; padding-left: 0.75rem; }
ins { text-decoration: underline; background: #e6f4ea; }
del { text-decoration: line-through; background: #fce8e6; }
ins.block, del.block { display: block; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid #bbb; }
figure.quote { margin: 1rem 0; }
figure.quote figcaption { color: #595959; }
pre { white-space: pre-wrap; background: #f3f3f3; padding: 0.5rem; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; }
  section.theme { break-before: page; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; }
}
`;

/** The page, as text. */
export function renderHtml(model: ExportModel, labels: ExportLabels): string {
  const rows = titleBlockRows(model, labels)
    .map(({ label, value }) => `<dt>${escapeText(label)}</dt><dd>${escapeText(value)}</dd>`)
    .join('\n');
  const changes = model.base ? `<p class="changes">${escapeText(labels.changesSince(model.base.ref, model.base.date.slice(0, 10)))}</p>\n` : '';
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(model.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeText(model.title)}</h1>
<dl class="title-block">
${rows}
</dl>
${changes}</header>
<main>
${model.themes.map((theme) => themeHtml(theme, labels)).join('\n')}
</main>
</body>
</html>
`;
}

function themeHtml(theme: ExportTheme, labels: ExportLabels): string {
  const quotes = theme.quotes.length === 0 ? '' : `<h3>${escapeText(labels.quotes)}</h3>\n${theme.quotes.map((q) => `<figure class="quote"><blockquote><p>${escapeText(q.text)}</p></blockquote><figcaption>${escapeText(`${q.speaker}, ${q.time}`)}</figcaption></figure>`).join('\n')}\n`;
  return `<section class="theme">
<h2>${escapeText(theme.title)}</h2>
${quotes}${theme.questions.map((q) => questionHtml(q, labels)).join('\n')}
</section>`;
}

function questionHtml(question: ExportQuestion, labels: ExportLabels): string {
  const answer = question.blocks.map(revisedHtml).join('\n');
  const unanswered = question.unanswered ? `\n<p class="unanswered">${escapeText(labels.notAnswered)}</p>` : '';
  return `<section class="question">
<h3>${escapeText(`${question.number} ${question.text}`)}</h3>
${answer}${unanswered}
</section>`;
}

function revisedHtml({ block, revision }: RevisedBlock): string {
  const html = blockHtml(block);
  return revision === 'inserted' ? `<ins class="block">${html}</ins>` : revision === 'deleted' ? `<del class="block">${html}</del>` : html;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlinesHtml(block.inlines)}</p>`;
    case 'subheading':
      return `<p><strong>${inlinesHtml(block.inlines)}</strong></p>`;
    case 'list': {
      const items = block.items.map((item) => `<li>${item.map(blockHtml).join('')}</li>`).join('');
      if (!block.ordered) return `<ul>${items}</ul>`;
      return block.start === 1 ? `<ol>${items}</ol>` : `<ol start="${block.start}">${items}</ol>`;
    }
    case 'quote':
      return `<blockquote>${block.blocks.map(blockHtml).join('')}</blockquote>`;
    case 'code':
      return `<pre><code>${escapeText(block.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
  }
}

function inlinesHtml(inlines: readonly Inline[]): string {
  return inlines
    .map((run) => {
      if (run.kind === 'break') return '<br>';
      let html = escapeText(run.text);
      if (run.code) html = `<code>${html}</code>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.href !== undefined) html = `<a href="${escapeAttribute(run.href)}">${html}</a>`;
      return run.revision === 'inserted' ? `<ins>${html}</ins>` : run.revision === 'deleted' ? `<del>${html}</del>` : html;
    })
    .join('');
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c]!);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}
