// "File": Export JSON / Import JSON (README "Scenario files"), and dropping a scenario file anywhere
// on the page. A file opens only if it validates; otherwise the banner says why and the run on
// screen stays.
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../app-context';
import { useTranslate } from '../i18n/use-translate';
import { exportScenarioFile, importScenarioFile } from '../scenario-file-io';
import { useZoo } from '../store';
import '../styles/scenario-file.css';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function ScenarioFileButtons() {
  const t = useTranslate();
  const { client } = useServices();
  const ready = useZoo((state) => state.shareFragment !== null);
  const picker = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const [dropping, setDropping] = useState(false);

  useEffect(() => {
    // Counted because dragenter/dragleave fire for every child element the pointer crosses.
    let depth = 0;
    const enter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth++;
      setDropping(true);
    };
    const leave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDropping(false);
    };
    const over = (event: DragEvent): void => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDropping(false);
      const file = event.dataTransfer?.files[0];
      if (file) void importScenarioFile(file, useZoo, client);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [client]);

  const close = (): void => menu.current?.removeAttribute('open');

  // One "File" button that opens Export / Import: the bottom bar keeps its single row (and the
  // stage its height) at 1280 px.
  return (
    <details ref={menu} className="file-menu" data-testid="file-menu">
      <summary className="button" title={t('file.menuTitle')}>{t('file.menu')}</summary>
      <div className="file-menu-items" role="group" aria-label={t('file.label')}>
        <button type="button" className="button" data-testid="export-json" disabled={!ready} title={t('file.exportTitle')}
          onClick={() => {
            close();
            exportScenarioFile(useZoo);
          }}>
          {t('file.export')}
        </button>
        <button type="button" className="button" data-testid="import-json" title={t('file.importTitle')}
          onClick={() => {
            close();
            picker.current?.click();
          }}>
          {t('file.import')}
        </button>
      </div>
      <input ref={picker} type="file" accept=".json,application/json" hidden data-testid="import-json-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importScenarioFile(file, useZoo, client);
        }} />
      {dropping && <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true"><p>{t('file.drop')}</p></div>}
    </details>
  );
}
