// Virtual time as people read it: ns, µs, ms or s, with as many decimals as the step needs, and
// the decimal separator of the language in use ("1.5 ms", "1,5 ms"). The units are the same in
// every language. Links write times their own way (share/link-codec.js formatLinkTime).
import { formatNumber } from '../i18n/i18n.js';

const units = [
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];

/** The unit [size, name] for values around `magnitude` ns. */
function unitFor(magnitude) {
  const m = Math.abs(magnitude);
  return units.find(([size]) => m >= size) ?? units[units.length - 1];
}

/**
 * `ns` as text. With `step` (the distance between neighbouring labels) the unit and decimals
 * are chosen so that neighbours differ; without it, up to three significant decimals.
 */
export function formatTime(ns, step) {
  if (ns === 0) return '0';
  const [size, name] = unitFor(step === undefined ? ns : Math.max(Math.abs(ns), step));
  const value = ns / size;
  let decimals;
  if (step !== undefined) {
    decimals = Math.max(0, Math.ceil(-Math.log10(step / size) - 1e-9));
  } else {
    decimals = Number.isInteger(value)
      ? 0
      : Math.min(3, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value))) - 1));
  }
  // A hostile trace's time may be no number at all, or past any run's length.
  if (!(Math.abs(value) < 1e15)) {
    return `${formatNumber(value, { notation: 'scientific', maximumFractionDigits: 3 })} ${name}`;
  }
  const digits = Number.isFinite(decimals) ? Math.min(decimals, 6) : 0;
  // Rounded as toFixed rounds (1.005 ms, a binary 1.00499..., is "1.00"), then written the
  // locale's way.
  const number = formatNumber(Number(value.toFixed(digits)), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  });
  return `${number} ${name}`;
}

/** A round step (1, 2 or 5 times a power of ten, in ns) giving about `target` steps over `range`. */
export function niceStep(range, target) {
  const raw = Math.max(range, 1) / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return Math.max(1, nice * power);
}
