// Canvas colours come from CSS custom properties (web/styles/timeline.css), so the colour-blind-
// safe palette and its dark variant live in one stylesheet and follow prefers-color-scheme.

const names = [
  'background',
  'lane',
  'lane-alt',
  'lane-selected',
  'grid',
  'text',
  'text-muted',
  'pending',
  'ready',
  'failed',
  'other',
  'park',
  'timer',
  'io',
  'mark',
  'instant',
  'selection',
  'waiting',
  'wake',
  'playhead',
  'depth',
  'search',
  'steal',
  'stretch',
  'danger',
  'marker',
];

/** The palette of `element`: { background, lane, pending, ready, ... } as CSS colour strings. */
export function readPalette(element) {
  const style = getComputedStyle(element);
  const palette = {};
  for (const name of names) {
    const camel = name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
    palette[camel] = style.getPropertyValue(`--tl-${name}`).trim() || '#888';
  }
  return palette;
}
