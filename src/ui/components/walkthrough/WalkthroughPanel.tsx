// The guided walkthrough beside the ring: the question, then checkpoint after checkpoint (the run
// pauses at each; the narration says what is on screen and the things it names glow), prediction
// quizzes, and at the end the model answer and the myth-and-fact cards.
import { useEffect } from 'react';
import { findWalkthrough, walkthroughTitle } from '../../../content/walkthroughs/loader';
import { useWalkthroughText } from '../../walkthrough/use-walkthrough-text';
import type { CheckpointDef, FocusTarget, WalkthroughDef } from '../../../content/walkthroughs/types';
import type { Translate } from '../../i18n/translate';
import { useTranslate } from '../../i18n/use-translate';
import { formatSeconds } from '../../model/playback-format';
import { useZoo } from '../../store';
import { useFocusHighlights } from '../../walkthrough/use-focus-highlights';
import { useWalkthroughController } from '../../walkthrough/walkthrough-context';
import { checkpointIndex, type WalkthroughState } from '../../walkthrough/walkthrough-state';
import { Markdown } from './Markdown';
import { AnswerAndMyths } from './MythCards';
import { QuizBlock } from './QuizBlock';

const NO_FOCUS: FocusTarget[] = [];

function focusLabel(target: FocusTarget, t: Translate): string {
  if ('server' in target) return t('walkthrough.focus.server', { id: target.server });
  if ('client' in target) return t('walkthrough.focus.client', { id: target.client });
  if ('znode' in target) return t('walkthrough.focus.znode', { path: target.znode });
  if ('message' in target) return t('walkthrough.focus.message', { label: target.message });
  return t('walkthrough.focus.actor', { id: target.actor });
}

/** Where the run stands against the checkpoint: there (paused), on the way, or elsewhere. */
function useArrival(checkpoint: CheckpointDef | null): { arrived: boolean; travelling: boolean; timeMs: number; outcome: string | null } {
  const timeMs = useZoo((state) => state.view?.timeMs ?? 0);
  const playing = useZoo((state) => state.playing);
  const arrived = checkpoint !== null && !playing && timeMs === checkpoint.atMs;
  const travelling = checkpoint !== null && playing && timeMs < checkpoint.atMs;
  const outcome = useZoo((state) => (arrived && checkpoint?.expect && state.view ? checkpoint.expect(state.view) : null));
  return { arrived, travelling, timeMs, outcome };
}

export function WalkthroughPanel() {
  const state = useZoo((zoo) => zoo.walkthrough);
  const def = state ? findWalkthrough(state.id) : undefined;
  if (!state || !def) return null;
  return <WalkthroughBody state={state} def={def} />;
}

function WalkthroughBody({ state, def }: { state: WalkthroughState; def: WalkthroughDef }) {
  const language = useZoo((zoo) => zoo.language);
  const setSideTab = useZoo((zoo) => zoo.setSideTab);
  const controller = useWalkthroughController();
  const t = useTranslate();
  const text = useWalkthroughText(def.id, language);
  const count = def.checkpoints.length;
  const index = checkpointIndex(state.step, count);
  const checkpoint = index === null ? null : def.checkpoints[index]!;
  const checkpointText = index === null ? null : text?.checkpoints.find((entry) => entry.id === checkpoint!.id) ?? null;
  const { arrived, travelling, timeMs, outcome } = useArrival(checkpoint);
  const atEnd = state.step > count;

  useFocusHighlights(arrived ? checkpoint?.focus ?? NO_FOCUS : null);
  // Open the side panel's tab that shows what the checkpoint points at: a recipe's actors (its
  // queue diagram), else a znode (the tree).
  const focus = arrived ? checkpoint?.focus ?? NO_FOCUS : NO_FOCUS;
  const sideTab = focus.some((target) => 'actor' in target) ? 'recipes' : focus.some((target) => 'znode' in target) ? 'znodes' : null;
  const needsSide = sideTab !== null;
  useEffect(() => {
    if (sideTab) setSideTab(sideTab);
  }, [sideTab, setSideTab]);
  // Presenter mode hides the side panel, except while a checkpoint points into it.
  useEffect(() => {
    document.documentElement.toggleAttribute('data-wt-side', needsSide);
    return () => document.documentElement.removeAttribute('data-wt-side');
  }, [needsSide]);

  const quizzes = def.checkpoints.filter((entry) => entry.quiz);
  const right = def.checkpoints.filter((entry, position) => entry.quiz && state.answers[position] === entry.quiz.answer).length;

  return (
    <section className="walkthrough-panel" data-testid="wt-panel" aria-label={t('walkthrough.label')} data-walkthrough={def.id}
      data-step={state.step} data-checkpoint={checkpoint?.id ?? ''} data-arrived={arrived ? 'true' : 'false'}
      data-outcome={arrived ? (outcome === null ? 'holds' : 'fails') : ''}>
      <header className="wt-header">
        <p className="wt-kicker">{t('walkthrough.question')}</p>
        <button type="button" className="button is-quiet wt-close" data-testid="wt-close" title={t('walkthrough.close')} aria-label={t('walkthrough.close')}
          onClick={() => controller.close()}>✕</button>
        <h2 className="wt-title" data-testid="wt-title">{text?.title ?? walkthroughTitle(def.id, language) ?? walkthroughTitle(def.id, 'en') ?? def.id}</h2>
        {text && <Markdown text={text.question} className="wt-question" />}
      </header>

      <div className="wt-body">
        {!text && <p className="wt-hint" data-testid="wt-loading">{t('walkthrough.loading')}</p>}
        {state.step === 0 && <p className="wt-hint">{t('walkthrough.intro')}</p>}

        {checkpoint && (
          <>
            <p className="wt-progress" data-testid="wt-progress">{t('walkthrough.progress', { n: state.step, count })}</p>
            {travelling && (
              <div className="wt-status is-travelling">
                <span>{t('walkthrough.travelling', { n: state.step })}</span>
                <button type="button" className="button" data-testid="wt-skip" onClick={() => void controller.skip()}>{t('walkthrough.skip')} »</button>
              </div>
            )}
            {!travelling && !arrived && (
              <div className="wt-status is-away">
                <span>{t('walkthrough.away', { seconds: formatSeconds(timeMs), at: formatSeconds(checkpoint.atMs) })}</span>
                <button type="button" className="button" data-testid="wt-return" onClick={() => void controller.skip()}>{t('walkthrough.return')}</button>
              </div>
            )}
            {!travelling && checkpointText && (
              <div className={`wt-checkpoint${arrived ? '' : ' is-stale'}`}>
                {(checkpoint.focus?.length ?? 0) > 0 && (
                  <p className="wt-look">
                    <span className="wt-look-label">{t('walkthrough.lookAt')}</span>{' '}
                    {checkpoint.focus!.map((target, position) => <span key={position} className="wt-look-chip">{focusLabel(target, t)}</span>)}
                  </p>
                )}
                <Markdown text={checkpointText.narration} className="wt-narration" />
                {arrived && checkpoint.expect && (
                  <p className={`wt-outcome ${outcome === null ? 'is-good' : 'is-bad'}`} data-testid="wt-outcome">
                    {outcome === null ? `✓ ${t('walkthrough.holds')}` : `✗ ${t('walkthrough.fails', { reason: outcome })}`}
                  </p>
                )}
                {checkpoint.quiz && checkpointText.quiz && (
                  <QuizBlock quiz={checkpointText.quiz} answer={checkpoint.quiz.answer} chosen={state.answers[index!] ?? null}
                    onChoose={(option) => controller.answer(option)} />
                )}
              </div>
            )}
          </>
        )}

        {atEnd && text && <AnswerAndMyths text={text} right={right} total={state.answers.some((answer) => answer !== null) ? quizzes.length : 0} />}
      </div>

      <nav className="wt-nav" aria-label={t('walkthrough.label')}>
        <button type="button" className="button" data-testid="wt-prev" disabled={state.step === 0} onClick={() => void controller.previous()}>
          « {t('walkthrough.previous')}
        </button>
        <ol className="wt-dots">
          {def.checkpoints.map((entry, position) => (
            <li key={entry.id}>
              <button type="button" className={`wt-dot${position + 1 === state.step ? ' is-current' : ''}${entry.quiz ? ' has-quiz' : ''}`}
                data-testid={`wt-dot-${position + 1}`} aria-label={t('walkthrough.progress', { n: position + 1, count })}
                aria-current={position + 1 === state.step ? 'step' : undefined} onClick={() => void controller.goTo(position + 1)}>
                {position + 1}
              </button>
            </li>
          ))}
        </ol>
        {state.step === 0 && (
          <button type="button" className="button is-primary" data-testid="wt-next" onClick={() => void controller.next()}>{t('walkthrough.start')} ▶</button>
        )}
        {state.step > 0 && !atEnd && (
          <button type="button" className="button is-primary" data-testid="wt-next" disabled={travelling} onClick={() => void controller.next()}>
            {state.step === count ? t('walkthrough.finish') : t('walkthrough.next')} »
          </button>
        )}
        {atEnd && (
          <button type="button" className="button" data-testid="wt-restart" onClick={() => void controller.goTo(0)}>{t('walkthrough.restart')}</button>
        )}
      </nav>
    </section>
  );
}
