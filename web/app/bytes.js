// Byte counts in words, for the caption (narration.js), the warnings and the state view.
import { formatNumber, t } from './i18n/i18n.js';

/** A byte count as people read it: 256 MiB, 1.5 KiB (1,5 KiB in Spanish), 100 bytes. */
export function formatBytes(bytes) {
  for (const [unit, size] of [
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ]) {
    if (bytes >= size)
      return `${formatNumber(+(bytes / size).toFixed(1), { maximumFractionDigits: 1, useGrouping: false })} ${unit}`;
  }
  return t('warnings.bytes', { count: bytes });
}
