// Last line of defence: a rendering bug shows a message and a way back instead of a blank page.
// No store access here (whatever broke may be the store): the language comes from <html lang>.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isLanguage, translate } from '../i18n/translate';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('ZooScope: the page failed to draw', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const lang = document.documentElement.lang;
    const language = isLanguage(lang) ? lang : 'en';
    return (
      <div className="error-banner is-fatal" data-testid="error-banner" role="alert">
        <p className="error-text">{translate(language, 'error.boundary')} {this.state.error.message}</p>
        <div className="error-actions">
          <button type="button" className="button is-primary" onClick={() => location.reload()}>{translate(language, 'error.boundaryReload')}</button>
        </div>
      </div>
    );
  }
}
