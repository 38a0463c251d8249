// Reads a walkthrough's per-language Markdown (FORMAT.md) into plain data, and checks it against
// its definition: every checkpoint narrated, a quiz exactly where the definition has one, with as
// many options as it says. Pure: used by the app and by tests/walkthroughs.test.ts alike.
import type { CheckpointDef, WalkthroughDef } from './types';

export interface QuizText {
  /** Markdown of the prediction question. */
  prompt: string;
  /** Markdown of each option, in order (the def's `quiz.answer` indexes this list). */
  options: string[];
  /** Markdown shown once answered. */
  explanation: string;
}

export interface CheckpointText {
  id: string;
  narration: string;
  quiz: QuizText | null;
}

export interface MythText {
  myth: string;
  fact: string;
}

export interface WalkthroughText {
  title: string;
  question: string;
  checkpoints: CheckpointText[];
  answer: string;
  myths: MythText[];
}

export interface ParseResult {
  text: WalkthroughText;
  /** What does not follow FORMAT.md (empty when the file is well-formed). */
  errors: string[];
}

interface Section {
  heading: string;
  body: string[];
}

const OPTION = /^\s*-\s+(.*)$/;

/** Parses one language's Markdown of a walkthrough. */
export function parseWalkthroughMarkdown(source: string): ParseResult {
  const errors: string[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let title = '';
  const sections: Section[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (!inFence && /^# /.test(line)) {
      if (title) errors.push(`a second title "${line.slice(2).trim()}"`);
      else title = line.slice(2).trim();
    } else if (!inFence && /^## /.test(line)) sections.push({ heading: line.slice(3).trim(), body: [] });
    else if (sections.length > 0) sections[sections.length - 1]!.body.push(line);
    else if (line.trim() !== '') errors.push(`text before the first section: "${line.trim().slice(0, 40)}"`);
  }
  if (!title) errors.push('no "# Title" line');

  const text: WalkthroughText = { title, question: '', checkpoints: [], answer: '', myths: [] };
  type Stage = 'start' | 'question' | 'checkpoints' | 'answer' | 'myths';
  let stage: Stage = 'start';
  for (const section of sections) {
    const body = section.body.join('\n').trim();
    const [keyword, ...rest] = section.heading.split(/\s+/);
    const id = rest.join(' ');
    if (keyword === 'Question' && !id) {
      if (stage !== 'start') errors.push('"## Question" must come first');
      text.question = body;
      stage = 'question';
    } else if (keyword === 'Checkpoint' && id) {
      if (stage !== 'question' && stage !== 'checkpoints') errors.push(`"## Checkpoint ${id}" is out of order`);
      if (text.checkpoints.some((checkpoint) => checkpoint.id === id)) errors.push(`checkpoint "${id}" appears twice`);
      text.checkpoints.push({ id, narration: body, quiz: null });
      stage = 'checkpoints';
    } else if (keyword === 'Quiz' && id) {
      const last = text.checkpoints[text.checkpoints.length - 1];
      if (stage !== 'checkpoints' || !last || last.id !== id) errors.push(`"## Quiz ${id}" must directly follow "## Checkpoint ${id}"`);
      else if (last.quiz) errors.push(`quiz "${id}" appears twice`);
      else last.quiz = parseQuiz(section.body, id, errors);
    } else if (keyword === 'Answer' && !id) {
      if (stage !== 'checkpoints') errors.push('"## Answer" must follow the checkpoints');
      text.answer = body;
      stage = 'answer';
    } else if (keyword === 'Myth' && !id) {
      if (stage !== 'answer' && stage !== 'myths') errors.push('"## Myth" must follow "## Answer"');
      const myth = parseMyth(body);
      if (myth) text.myths.push(myth);
      else errors.push('a "## Myth" section needs "**Myth:**" and then "**Fact:**"');
      stage = 'myths';
    } else errors.push(`unknown section "## ${section.heading}"`);
  }
  if (!text.question) errors.push('no "## Question" text');
  if (!text.answer) errors.push('no "## Answer" text');
  for (const checkpoint of text.checkpoints) if (!checkpoint.narration) errors.push(`checkpoint "${checkpoint.id}" has no narration`);
  return { text, errors };
}

function parseQuiz(body: readonly string[], id: string, errors: string[]): QuizText {
  const explanationAt = body.findIndex((line) => /^###\s+Explanation\s*$/.test(line));
  const head = explanationAt >= 0 ? body.slice(0, explanationAt) : body;
  const explanation = explanationAt >= 0 ? body.slice(explanationAt + 1).join('\n').trim() : '';
  if (!explanation) errors.push(`quiz "${id}" has no "### Explanation"`);
  const prompt: string[] = [];
  const options: string[] = [];
  for (const line of head) {
    const option = OPTION.exec(line);
    if (option) options.push(option[1]!.trim());
    else if (options.length > 0 && /^\s+\S/.test(line)) options[options.length - 1] += ' ' + line.trim();
    else if (options.length > 0 && line.trim() !== '') errors.push(`quiz "${id}" has text after its options`);
    else if (options.length === 0) prompt.push(line);
  }
  const promptText = prompt.join('\n').trim();
  if (!promptText) errors.push(`quiz "${id}" has no question`);
  return { prompt: promptText, options, explanation };
}

function parseMyth(body: string): MythText | null {
  const match = /^\*\*Myth:\*\*([\s\S]*?)\*\*Fact:\*\*([\s\S]*)$/.exec(body.trim());
  if (!match) return null;
  const myth = match[1]!.trim();
  const fact = match[2]!.trim();
  return myth && fact ? { myth, fact } : null;
}

/** Checks one language's parsed text against the definition; returns what is wrong. */
export function checkAgainstDef(def: WalkthroughDef, parsed: ParseResult): string[] {
  const problems = [...parsed.errors];
  const byId = new Map(parsed.text.checkpoints.map((checkpoint) => [checkpoint.id, checkpoint]));
  for (const checkpoint of def.checkpoints) {
    const text = byId.get(checkpoint.id);
    if (!text) {
      problems.push(`no "## Checkpoint ${checkpoint.id}" section`);
      continue;
    }
    problems.push(...checkQuiz(checkpoint, text));
  }
  for (const text of parsed.text.checkpoints) {
    if (!def.checkpoints.some((checkpoint) => checkpoint.id === text.id)) problems.push(`"## Checkpoint ${text.id}" is not in walkthrough.ts`);
  }
  const order = parsed.text.checkpoints.map((checkpoint) => checkpoint.id).filter((id) => def.checkpoints.some((checkpoint) => checkpoint.id === id));
  const expected = def.checkpoints.map((checkpoint) => checkpoint.id).filter((id) => byId.has(id));
  if (order.join('\n') !== expected.join('\n')) problems.push(`checkpoints are in a different order than walkthrough.ts (${order.join(', ')})`);
  return problems;
}

function checkQuiz(checkpoint: CheckpointDef, text: CheckpointText): string[] {
  if (!checkpoint.quiz) return text.quiz ? [`"## Quiz ${checkpoint.id}" exists but walkthrough.ts has no quiz there`] : [];
  if (!text.quiz) return [`checkpoint "${checkpoint.id}" has a quiz in walkthrough.ts but no "## Quiz ${checkpoint.id}" section`];
  const problems: string[] = [];
  if (text.quiz.options.length !== checkpoint.quiz.options) problems.push(`quiz "${checkpoint.id}" has ${text.quiz.options.length} options, walkthrough.ts says ${checkpoint.quiz.options}`);
  const answer = checkpoint.quiz.answer;
  if (!Number.isInteger(answer) || answer < 0 || answer >= checkpoint.quiz.options) problems.push(`quiz "${checkpoint.id}" answer ${answer} is not one of its ${checkpoint.quiz.options} options`);
  return problems;
}

/** Checks a definition on its own: id, checkpoints unique and in increasing time. */
export function checkDef(def: WalkthroughDef): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(def.id)) problems.push(`id "${def.id}" is not kebab-case`);
  if (def.checkpoints.length === 0) problems.push('no checkpoints');
  const ids = new Set<string>();
  let previous = -1;
  for (const checkpoint of def.checkpoints) {
    if (ids.has(checkpoint.id)) problems.push(`checkpoint "${checkpoint.id}" appears twice`);
    ids.add(checkpoint.id);
    if (!/^[A-Za-z0-9_-]+$/.test(checkpoint.id)) problems.push(`checkpoint id "${checkpoint.id}" should be letters, digits, - or _`);
    if (!(checkpoint.atMs > previous)) problems.push(`checkpoint "${checkpoint.id}" at ${checkpoint.atMs} ms is not after the one before (${previous} ms)`);
    previous = checkpoint.atMs;
  }
  return problems;
}
