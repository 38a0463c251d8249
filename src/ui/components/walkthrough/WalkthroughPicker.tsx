// The "Interview questions" menu: every guided walkthrough, titled in the current language.
import { useMemo } from 'react';
import { WALKTHROUGHS } from '../../../content/walkthroughs/index';
import { walkthroughTitle } from '../../../content/walkthroughs/loader';
import { useTranslate } from '../../i18n/use-translate';
import { useZoo } from '../../store';
import { useWalkthroughController } from '../../walkthrough/walkthrough-context';

export function WalkthroughPicker() {
  const language = useZoo((state) => state.language);
  const current = useZoo((state) => state.walkthrough?.id ?? '');
  const controller = useWalkthroughController();
  const t = useTranslate();
  const entries = useMemo(() => WALKTHROUGHS.map((def) => ({
    id: def.id,
    title: walkthroughTitle(def.id, language) ?? walkthroughTitle(def.id, 'en') ?? def.id,
    questions: def.questions,
  })), [language]);
  return (
    <label className="demo-picker walkthrough-picker">
      <span className="visually-hidden">{t('walkthrough.menu')}</span>
      <select data-testid="walkthrough-picker" value={current} aria-label={t('walkthrough.menu')}
        onChange={(event) => { if (event.target.value) void controller.open(event.target.value); }}>
        <option value="" disabled>{t('walkthrough.choose')}</option>
        <optgroup label={t('walkthrough.menu')}>
          {entries.map((entry) => (
            <option key={entry.id} value={entry.id}>{entry.questions.map((n) => (n > 0 ? `Q${n}` : t('walkthrough.lockCode'))).join('/')} · {entry.title}</option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
