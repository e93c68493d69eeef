// The detector switches, grouped appeals / clutter, as both the popup and the options page show them.
import { detectors } from '../detectors/registry';
import type { Category, DetectorId } from '../core/types';
import type { Settings } from '../settings/schema';
import { detectorDescription, detectorLabel, t } from './i18n';

const CATEGORIES: readonly Category[] = ['appeals', 'clutter'];

/** Builds one checkbox per registered detector inside container; onToggle gets every user change. */
export function renderDetectorToggles(
  container: HTMLElement,
  onToggle: (id: DetectorId, enabled: boolean) => void,
): void {
  const doc = container.ownerDocument;
  container.replaceChildren();
  for (const category of CATEGORIES) {
    const members = detectors.filter((detector) => detector.category === category);
    if (members.length === 0) continue;
    const group = doc.createElement('fieldset');
    group.className = 'detector-group';
    group.dataset.category = category;
    const legend = doc.createElement('legend');
    legend.textContent = t(`category_${category}`);
    group.append(legend);
    for (const detector of members) {
      const descriptionId = `detector-${detector.id}-description`;
      const row = doc.createElement('label');
      row.className = 'detector';
      const input = doc.createElement('input');
      input.type = 'checkbox';
      input.dataset.detector = detector.id;
      input.setAttribute('aria-describedby', descriptionId);
      input.addEventListener('change', () => onToggle(detector.id, input.checked));
      const name = doc.createElement('span');
      name.className = 'detector-name';
      name.textContent = detectorLabel(detector.id);
      const description = doc.createElement('span');
      description.className = 'detector-description';
      description.id = descriptionId;
      description.textContent = detectorDescription(detector.id);
      row.append(input, name, description);
      group.append(row);
    }
    container.append(group);
  }
}

/** Reflects settings in the switches (global: a site's exceptions are listed apart from them). */
export function showDetectorStates(container: HTMLElement, settings: Settings): void {
  for (const input of container.querySelectorAll<HTMLInputElement>('input[data-detector]')) {
    input.checked = settings.detectors[input.dataset.detector as DetectorId];
  }
}
