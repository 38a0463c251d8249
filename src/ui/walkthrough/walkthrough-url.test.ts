import { describe, expect, it } from 'vitest';
import { readEmbed, readPresent, readWalkthroughRequest, resolveStep, walkthroughFragment } from './walkthrough-url';

describe('walkthrough address', () => {
  it('reads w, cp and q next to lang, and present / embed', () => {
    expect(readWalkthroughRequest('#w=election&cp=3&q=2&lang=zh-CN')).toEqual({ id: 'election', cp: '3', q: '2' });
    expect(readWalkthroughRequest('#s=1.abc&t=5')).toBeNull();
    expect(readWalkthroughRequest('#w=%E0%A4%A')).toEqual({ id: '', cp: '', q: '' });
    expect(readPresent('#w=x&present=1')).toBe(true);
    expect(readPresent('#w=x&present=0')).toBe(false);
    expect(readEmbed('?embed=1')).toBe(true);
    expect(readEmbed('?embed=yes')).toBe(false);
  });

  it('resolves checkpoints from 1, "answer", and quiz options from 1; rejects the rest', () => {
    const quizzes = [4, 0, 3];
    expect(resolveStep({ cp: '', q: '' }, quizzes)).toEqual({ ok: true, step: 0, answer: null });
    expect(resolveStep({ cp: '3', q: '2' }, quizzes)).toEqual({ ok: true, step: 3, answer: 1 });
    expect(resolveStep({ cp: 'answer', q: '' }, quizzes)).toEqual({ ok: true, step: 4, answer: null });
    expect(resolveStep({ cp: '4', q: '' }, quizzes)).toEqual({ ok: false, reason: 'checkpoint' });
    expect(resolveStep({ cp: '-1', q: '' }, quizzes)).toEqual({ ok: false, reason: 'checkpoint' });
    expect(resolveStep({ cp: '<script>', q: '' }, quizzes)).toEqual({ ok: false, reason: 'checkpoint' });
    expect(resolveStep({ cp: '2', q: '1' }, quizzes)).toEqual({ ok: false, reason: 'quiz' });
    expect(resolveStep({ cp: '1', q: '5' }, quizzes)).toEqual({ ok: false, reason: 'quiz' });
  });

  it('writes what it reads', () => {
    const fragment = walkthroughFragment({ id: 'election', step: 3, answers: [null, null, 1] }, 6, 'zh-CN', true);
    expect(fragment).toBe('#w=election&cp=3&q=2&present=1&lang=zh-CN');
    const request = readWalkthroughRequest(fragment)!;
    expect(resolveStep(request, [4, 3, 3, 0, 0, 0])).toEqual({ ok: true, step: 3, answer: 1 });
    expect(walkthroughFragment({ id: 'election', step: 7, answers: [] }, 6, 'en', false)).toBe('#w=election&cp=answer');
    expect(walkthroughFragment({ id: 'election', step: 0, answers: [] }, 6, 'en', false)).toBe('#w=election');
  });
});
