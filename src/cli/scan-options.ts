// The scan options an untouched installation uses: the settings defaults, optionally more or less eager.
import type { ScanOptions, Sensitivity } from '../core/types';
import { defaultSettings } from '../settings/schema';

export function defaultScanOptions(sensitivity?: Sensitivity, lang?: string): ScanOptions {
  const defaults = defaultSettings();
  return { enabled: defaults.detectors, sensitivity: sensitivity ?? defaults.sensitivity, ...(lang ? { lang } : {}) };
}
