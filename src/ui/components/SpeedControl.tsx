// Playback speed on a log scale from 1/1000× to 10× real time.
import { useId } from 'react';
import { useServices } from '../app-context';
import { useTranslate } from '../i18n/use-translate';
import { formatSpeed, sliderToSpeed, speedToSlider, SPEED_SLIDER_STEPS } from '../model/playback-format';
import { useZoo } from '../store';

export function SpeedControl() {
  const speed = useZoo((state) => state.speed);
  const { client } = useServices();
  const t = useTranslate();
  const id = useId();
  const text = t('controls.speedValue', { speed: formatSpeed(speed) });
  return (
    <div className="slider-control speed-control">
      <label htmlFor={id}>{t('controls.speed')}</label>
      <input
        id={id}
        type="range"
        data-testid="speed"
        min={0}
        max={SPEED_SLIDER_STEPS}
        step={1}
        value={speedToSlider(speed)}
        aria-valuetext={text}
        onChange={(event) => client.setSpeed(sliderToSpeed(Number(event.target.value)))}
      />
      <output htmlFor={id} className="slider-value" data-testid="speed-value">{text}</output>
    </div>
  );
}
