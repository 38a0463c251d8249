// The Markdown subset of FORMAT.md as plain data: paragraphs, "- " and "1. " lists, fenced code,
// and inline **bold**, *italic* and `code`. The UI renders these blocks as React text, so nothing
// from a walkthrough ever reaches the page as HTML.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; children: Inline[] }
  | { kind: 'italic'; children: Inline[] }
  | { kind: 'code'; text: string };

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'bullets'; items: Inline[][] }
  | { kind: 'numbered'; start: number; items: Inline[][] }
  | { kind: 'code'; text: string };

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*(\d+)[.)]\s+(.*)$/;
const FENCE = /^\s*```/;

/** Splits Markdown text into blocks (list items may wrap onto indented continuation lines). */
export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === '') {
      index++;
      continue;
    }
    if (FENCE.test(line)) {
      const body: string[] = [];
      index++;
      while (index < lines.length && !FENCE.test(lines[index]!)) body.push(lines[index++]!);
      index++; // the closing fence (or the end)
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const listKind = BULLET.test(line) ? 'bullets' : NUMBERED.test(line) ? 'numbered' : null;
    if (listKind) {
      const items: string[] = [];
      const start = listKind === 'numbered' ? Number(NUMBERED.exec(line)![1]) : 1;
      while (index < lines.length) {
        const current = lines[index]!;
        const match = listKind === 'bullets' ? BULLET.exec(current) : NUMBERED.exec(current);
        if (match) items.push(listKind === 'bullets' ? match[1]! : match[2]!);
        else if (current.trim() !== '' && /^\s+/.test(current) && items.length > 0) items[items.length - 1] += ' ' + current.trim();
        else break;
        index++;
      }
      blocks.push(listKind === 'bullets'
        ? { kind: 'bullets', items: items.map(parseInlines) }
        : { kind: 'numbered', start, items: items.map(parseInlines) });
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length) {
      const current = lines[index]!;
      if (current.trim() === '' || FENCE.test(current) || BULLET.test(current) || NUMBERED.test(current)) break;
      paragraph.push(current.trim());
      index++;
    }
    blocks.push({ kind: 'paragraph', inlines: parseInlines(paragraph.join(' ')) });
  }
  return blocks;
}

/** Inline emphasis and code; an unmatched marker stays literal text. */
export function parseInlines(text: string): Inline[] {
  const result: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) result.push({ kind: 'text', text: plain });
    plain = '';
  };
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    if (rest.startsWith('`')) {
      const end = text.indexOf('`', index + 1);
      if (end > index) {
        flush();
        result.push({ kind: 'code', text: text.slice(index + 1, end) });
        index = end + 1;
        continue;
      }
    } else if (rest.startsWith('**')) {
      const end = text.indexOf('**', index + 2);
      if (end > index + 2) {
        flush();
        result.push({ kind: 'bold', children: parseInlines(text.slice(index + 2, end)) });
        index = end + 2;
        continue;
      }
    } else if (rest.startsWith('*') && rest.length > 1 && rest[1] !== ' ') {
      const end = text.indexOf('*', index + 1);
      if (end > index + 1 && text[end - 1] !== ' ') {
        flush();
        result.push({ kind: 'italic', children: parseInlines(text.slice(index + 1, end)) });
        index = end + 1;
        continue;
      }
    }
    plain += text[index];
    index++;
  }
  flush();
  return result;
}

/** The plain text of inlines (for titles, button labels and tests). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.kind === 'text' || inline.kind === 'code' ? inline.text : inlineText(inline.children))).join('');
}
