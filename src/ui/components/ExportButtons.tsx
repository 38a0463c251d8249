// Export the ensemble picture as SVG or PNG (a download named after the scenario time).
import { useState } from 'react';
import { useTranslate } from '../i18n/use-translate';
import { download, serializeSvg, svgToPng } from '../model/export-svg';
import { useZoo } from '../store';

function ringSvg(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('.ensemble-svg');
}

function fileName(extension: string): string {
  const timeMs = useZoo.getState().view?.timeMs ?? 0;
  return `zooscope-${Math.round(timeMs)}ms.${extension}`;
}

export function ExportButtons() {
  const t = useTranslate();
  const ready = useZoo((state) => state.view !== null);
  const [busy, setBusy] = useState(false);
  const background = (): string => getComputedStyle(document.documentElement).getPropertyValue('--paper').trim() || '#ffffff';

  const exportSvg = (): void => {
    const svg = ringSvg();
    if (!svg) return;
    download(new Blob([serializeSvg(svg, background())], { type: 'image/svg+xml' }), fileName('svg'));
  };
  const exportPng = async (): Promise<void> => {
    const svg = ringSvg();
    if (!svg) return;
    setBusy(true);
    try {
      const text = serializeSvg(svg, background());
      const blob = await svgToPng(text, svg.width.baseVal.value, svg.height.baseVal.value, Math.max(2, window.devicePixelRatio || 1));
      download(blob, fileName('png'));
    } catch (error) {
      console.warn('ZooScope: PNG export failed', error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-buttons" role="group" aria-label={t('export.label')}>
      <button type="button" className="button" data-testid="export-svg" disabled={!ready} title={t('export.svgTitle')} onClick={exportSvg}>
        {t('export.svg')}
      </button>
      <button type="button" className="button" data-testid="export-png" disabled={!ready || busy} title={t('export.pngTitle')}
        onClick={() => void exportPng()}>
        {t('export.png')}
      </button>
    </div>
  );
}
