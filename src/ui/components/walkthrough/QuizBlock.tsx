// A prediction quiz: the options as buttons; once one is chosen, right or wrong and why.
import type { QuizText } from '../../../content/walkthroughs/parse';
import { useTranslate } from '../../i18n/use-translate';
import { InlineMarkdown, Markdown } from './Markdown';

const LETTERS = 'ABCDEFGHIJ';

interface Props {
  quiz: QuizText;
  answer: number;
  chosen: number | null;
  onChoose(option: number): void;
}

export function QuizBlock({ quiz, answer, chosen, onChoose }: Props) {
  const t = useTranslate();
  const answered = chosen !== null;
  return (
    <section className="wt-quiz" data-testid="wt-quiz" data-answered={answered ? (chosen === answer ? 'right' : 'wrong') : ''}>
      <h3 className="wt-quiz-title">{t('walkthrough.quiz')}</h3>
      <Markdown text={quiz.prompt} className="wt-quiz-prompt" />
      <div className="wt-options" role="group" aria-label={t('walkthrough.quiz')}>
        {quiz.options.map((option, index) => {
          const state = !answered ? '' : index === answer ? 'right' : index === chosen ? 'wrong' : 'other';
          return (
            <button key={index} type="button" className={`wt-option${state ? ` is-${state}` : ''}`} data-testid={`wt-option-${index}`}
              data-state={state} disabled={answered} aria-pressed={chosen === index} onClick={() => onChoose(index)}>
              <span className="wt-option-letter" aria-hidden="true">{LETTERS[index]}</span>
              <span className="wt-option-text"><InlineMarkdown text={option} /></span>
              {state === 'right' && <span className="wt-option-mark" aria-hidden="true">✓</span>}
              {state === 'wrong' && <span className="wt-option-mark" aria-hidden="true">✗</span>}
            </button>
          );
        })}
      </div>
      {!answered && <p className="wt-hint">{t('walkthrough.quizHint')}</p>}
      {answered && (
        <div className={`wt-verdict ${chosen === answer ? 'is-right' : 'is-wrong'}`} role="status" data-testid="wt-explanation">
          <p className="wt-verdict-line">{chosen === answer ? t('walkthrough.right') : t('walkthrough.wrong', { letter: LETTERS[answer] ?? String(answer + 1) })}</p>
          <Markdown text={quiz.explanation} />
        </div>
      )}
    </section>
  );
}
