// Walkthrough Markdown (FORMAT.md's subset) as React elements: every piece of text is a text node,
// so nothing from a Markdown file can become HTML or script.
import { useMemo } from 'react';
import { parseBlocks, parseInlines, type Block, type Inline } from '../../../content/walkthroughs/markdown';

function Inlines({ inlines }: { inlines: readonly Inline[] }) {
  return (
    <>
      {inlines.map((inline, index) => {
        switch (inline.kind) {
          case 'text': return <span key={index}>{inline.text}</span>;
          case 'code': return <code key={index}>{inline.text}</code>;
          case 'bold': return <strong key={index}><Inlines inlines={inline.children} /></strong>;
          case 'italic': return <em key={index}><Inlines inlines={inline.children} /></em>;
        }
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'paragraph': return <p><Inlines inlines={block.inlines} /></p>;
    case 'code': return <pre><code>{block.text}</code></pre>;
    case 'bullets': return <ul>{block.items.map((item, index) => <li key={index}><Inlines inlines={item} /></li>)}</ul>;
    case 'numbered': return <ol start={block.start}>{block.items.map((item, index) => <li key={index}><Inlines inlines={item} /></li>)}</ol>;
  }
}

/** A Markdown passage (paragraphs, lists, code). */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = useMemo(() => parseBlocks(text), [text]);
  return <div className={`markdown${className ? ` ${className}` : ''}`}>{blocks.map((block, index) => <BlockView key={index} block={block} />)}</div>;
}

/** One line of inline Markdown (an option, a title). */
export function InlineMarkdown({ text }: { text: string }) {
  const inlines = useMemo(() => parseInlines(text), [text]);
  return <Inlines inlines={inlines} />;
}
