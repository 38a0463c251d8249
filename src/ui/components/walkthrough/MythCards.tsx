// The walkthrough's end: the model answer, the quiz score, and a card per myth of the notes.
import type { WalkthroughText } from '../../../content/walkthroughs/parse';
import { useTranslate } from '../../i18n/use-translate';
import { Markdown } from './Markdown';

export function AnswerAndMyths({ text, right, total }: { text: WalkthroughText; right: number; total: number }) {
  const t = useTranslate();
  return (
    <div className="wt-end">
      {total > 0 && <p className="wt-score" data-testid="wt-score">{t('walkthrough.score', { right, total })}</p>}
      <section className="wt-answer" data-testid="wt-answer">
        <h3>{t('walkthrough.answer')}</h3>
        <Markdown text={text.answer} />
      </section>
      {text.myths.length > 0 && (
        <section className="wt-myths">
          <h3>{t('walkthrough.myths')}</h3>
          {text.myths.map((myth, index) => (
            <article key={index} className="wt-myth-card" data-testid="wt-myth">
              <div className="wt-myth">
                <span className="wt-myth-tag">✗ {t('walkthrough.myth')}</span>
                <Markdown text={myth.myth} />
              </div>
              <div className="wt-fact">
                <span className="wt-fact-tag">✓ {t('walkthrough.fact')}</span>
                <Markdown text={myth.fact} />
              </div>
            </article>
          ))}
        </section>
      )}
    </div>
  );
}
