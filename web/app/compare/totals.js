// The totals a comparison puts above each timeline: what the two strategies did with the same
// example, parameters and seed, counted from the trace itself.
import { formatNumber, t } from '../i18n/i18n.js';

/** `ns` in its unit with every decimal it has (up to ns): 76.002 ms, where formatTime says 76.0. */
function exactTime(ns) {
  if (ns === 0) return '0';
  const [size, unit] = [
    [1e9, 's'],
    [1e6, 'ms'],
    [1e3, 'µs'],
    [1, 'ns'],
  ].find(([scale]) => ns >= scale) ?? [1, 'ns'];
  const digits = Math.round(Math.log10(size));
  const value = Number((ns / size).toFixed(digits));
  return `${formatNumber(value, { maximumFractionDigits: digits, useGrouping: false })} ${unit}`;
}

/**
 * Counts `model`'s events: { makespan (ns, t of the last event), polls (poll_begin), steals
 * (steal), wakes (waker_wake + waker_wake_by_ref), events }.
 */
export function runTotals(model) {
  const totals = { makespan: 0, polls: 0, steals: 0, wakes: 0, events: model.count };
  if (model.count === 0) return totals;
  totals.makespan = model.t.data[model.count - 1];
  for (let i = 0; i < model.count; ++i) {
    switch (model.kindOf(i)) {
      case 'poll_begin':
        ++totals.polls;
        break;
      case 'steal':
        ++totals.steals;
        break;
      case 'waker_wake':
      case 'waker_wake_by_ref':
        ++totals.wakes;
        break;
      default:
    }
  }
  return totals;
}

/** One line for a timeline's header: "smol · makespan 75 ms · 26 polls · 8 steals · 20 wakes". */
export function formatTotals(strategy, totals) {
  return [
    strategy,
    t('page.compare.makespan', { time: exactTime(totals.makespan) }),
    t('page.compare.polls', { count: totals.polls }),
    t('page.compare.steals', { count: totals.steals }),
    t('page.compare.wakes', { count: totals.wakes }),
  ].join(' · ');
}
