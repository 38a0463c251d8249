// When the open run is a bug-lab scenario, the invariant panel starts with what is broken and
// why the rule exists (the entry's walkthrough-ready explanation, in the chosen language).
import { BUG_LAB } from '../../../engine/scenario/demos';
import { useTranslate } from '../../i18n/use-translate';
import { useZoo } from '../../store';

export function BugLabNote() {
  const title = useZoo((state) => state.view?.title ?? null);
  const language = useZoo((state) => state.language);
  const t = useTranslate();
  const entry = BUG_LAB.find((demo) => (demo.scenario as { title?: string }).title === title);
  if (entry === undefined) return null;
  return (
    <div className="bug-lab-note" data-testid="bug-lab-note">
      <p className="bug-lab-title">{entry.title[language]}</p>
      <p>{entry.explanation[language]}</p>
      {entry.bug === undefined && <p className="hint">{t('invariantPanel.recipeBug')}</p>}
    </div>
  );
}
