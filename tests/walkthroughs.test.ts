// Every guided walkthrough is complete in every language and tells the truth: its Markdown follows
// FORMAT.md and matches walkthrough.ts, and the scenario, paused at each checkpoint, shows what
// the narration claims (the checkpoint's expect) without breaking an invariant.
import { describe, expect, it } from 'vitest';
import { WALKTHROUGHS } from '../src/content/walkthroughs/index';
import { WALKTHROUGH_LANGUAGES, walkthroughFolders, walkthroughLanguages, walkthroughProblems, walkthroughTitle, walkthroughText } from '../src/content/walkthroughs/loader';
import { parseWalkthroughMarkdown } from '../src/content/walkthroughs/parse';
import { inlineText, parseBlocks } from '../src/content/walkthroughs/markdown';
import { allCheckers } from '../src/engine/check/world-checkers';
import { createWorld } from '../src/engine/world';
import { parseRunJson } from '../src/engine/scenario/run-input';

describe('walkthrough catalog', () => {
  it('ids are unique and every folder is listed in index.ts', () => {
    const ids = WALKTHROUGHS.map((def) => def.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(walkthroughFolders().filter((folder) => !ids.includes(folder))).toEqual([]);
  });
});

describe.each(WALKTHROUGHS.map((def) => [def.id, def] as const))('walkthrough %s', (_id, def) => {
  it('both languages parse and match walkthrough.ts', async () => {
    expect(await walkthroughProblems(def)).toEqual([]);
    expect(walkthroughLanguages(def.id)).toEqual([...WALKTHROUGH_LANGUAGES]);
    for (const language of WALKTHROUGH_LANGUAGES) {
      const text = walkthroughText(def.id, language)!;
      expect(text.title.length).toBeGreaterThan(0);
      // The bundled title (menus, catalog) is the Markdown's own.
      expect(walkthroughTitle(def.id, language)).toBe(text.title);
      expect(text.checkpoints.map((checkpoint) => checkpoint.id)).toEqual(def.checkpoints.map((checkpoint) => checkpoint.id));
      for (const [index, checkpoint] of def.checkpoints.entries()) {
        const quiz = text.checkpoints[index]!.quiz;
        expect(quiz === null, `${language} quiz ${checkpoint.id}`).toBe(checkpoint.quiz === undefined);
        if (checkpoint.quiz && quiz) {
          expect(quiz.options).toHaveLength(checkpoint.quiz.options);
          expect(checkpoint.quiz.answer).toBeGreaterThanOrEqual(0);
          expect(checkpoint.quiz.answer).toBeLessThan(checkpoint.quiz.options);
        }
      }
    }
  });

  it('checkpoints are in increasing time', () => {
    const times = def.checkpoints.map((checkpoint) => checkpoint.atMs);
    expect(times).toEqual([...times].sort((left, right) => left - right));
    expect(new Set(times).size).toBe(times.length);
  });

  it('the scenario shows each checkpoint\'s claim, with no invariant broken', () => {
    const input = parseRunJson(def.scenario);
    const world = createWorld(input.scenario, input.inputs, { checkers: allCheckers(), traceMessages: false });
    for (const checkpoint of def.checkpoints) {
      world.runUntil(checkpoint.atMs);
      expect(world.invariants().violations, `at checkpoint ${checkpoint.id}`).toEqual([]);
      expect(checkpoint.expect?.(world.view()) ?? null, `checkpoint ${checkpoint.id} at ${checkpoint.atMs} ms`).toBeNull();
    }
  });
});

describe('walkthrough Markdown parser', () => {
  const sample = [
    '# Title', '', '## Question', 'Why?', '', '## Checkpoint a', 'Look at **server 5**.', '',
    '## Quiz a', 'Which one?', '- one', '- `two`', '', '### Explanation', 'Because.', '',
    '## Checkpoint b', 'Then.', '', '## Answer', 'It is so.', '', '## Myth', '**Myth:** wrong', '**Fact:** right',
  ].join('\n');
  const def = { id: 'sample', questions: [1], scenario: {}, checkpoints: [{ id: 'a', atMs: 1, quiz: { options: 2, answer: 1 } }, { id: 'b', atMs: 2 }] };

  it('reads every section of FORMAT.md', () => {
    const { text, errors } = parseWalkthroughMarkdown(sample);
    expect(errors).toEqual([]);
    expect(text.title).toBe('Title');
    expect(text.checkpoints[0]!.quiz).toEqual({ prompt: 'Which one?', options: ['one', '`two`'], explanation: 'Because.' });
    expect(text.checkpoints[1]!.quiz).toBeNull();
    expect(text.myths).toEqual([{ myth: 'wrong', fact: 'right' }]);
  });

  it('reports a missing checkpoint, a wrong option count and a quiz the def does not have', async () => {
    const { checkAgainstDef } = await import('../src/content/walkthroughs/parse');
    const parsed = parseWalkthroughMarkdown(sample.replace('- `two`\n', '').replace('## Checkpoint b', '## Checkpoint c'));
    const problems = checkAgainstDef({ ...def, checkpoints: [{ id: 'a', atMs: 1 }, def.checkpoints[1]!] }, parsed);
    expect(problems.join('\n')).toMatch(/Quiz a.*no quiz/);
    expect(problems.join('\n')).toMatch(/no "## Checkpoint b"/);
    expect(checkAgainstDef(def, parsed).join('\n')).toMatch(/1 options, walkthrough.ts says 2/);
  });

  it('parses the Markdown subset into blocks, keeping markup as text', () => {
    const blocks = parseBlocks('Some **bold** and *it* `x<y>`\n\n- a\n- b\n\n1. one\n2. two\n\n```\n<script>\n```');
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'bullets', 'numbered', 'code']);
    expect(blocks[0]).toMatchObject({ inlines: [{ kind: 'text', text: 'Some ' }, { kind: 'bold' }, { kind: 'text', text: ' and ' }, { kind: 'italic' }, { kind: 'text', text: ' ' }, { kind: 'code', text: 'x<y>' }] });
    expect(blocks[3]).toEqual({ kind: 'code', text: '<script>' });
    const first = blocks[0]!;
    expect(inlineText(first.kind === 'paragraph' ? first.inlines : [])).toBe('Some bold and it x<y>');
  });
});
