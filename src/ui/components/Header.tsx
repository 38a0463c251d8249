// The title bar: app name, the scenario's title, invariant status, language.
import { useTranslate } from '../i18n/use-translate';
import { useZoo } from '../store';
import { InvariantBadge } from './InvariantBadge';
import { LanguageSwitch } from './LanguageSwitch';
import { DemoPicker } from './DemoPicker';
import { ContrastToggle } from './ContrastToggle';
import { WalkthroughPicker } from './walkthrough/WalkthroughPicker';
import { PresenterToggle } from './presenter/PresenterLayer';

export function Header() {
  const title = useZoo((state) => state.view?.title ?? '');
  const t = useTranslate();
  return (
    <header className="app-header">
      <h1 className="app-title">
        <span className="app-logo" aria-hidden="true">◉</span> {t('app.title')}
      </h1>
      <p className="scenario-title" data-testid="scenario-title">{title}</p>
      <div className="header-tools">
        <DemoPicker />
        <WalkthroughPicker />
        <PresenterToggle />
        <InvariantBadge />
        <ContrastToggle />
        <LanguageSwitch />
      </div>
    </header>
  );
}
