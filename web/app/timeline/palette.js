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

/** Whether `theme` (light or dark) is what the rules inside media rule `rule` ask for. */
function mediaApplies(rule, theme) {
  const scheme = /prefers-color-scheme:\s*(light|dark)/.exec(rule.conditionText)?.[1];
  if (scheme) return scheme === theme;
  return matchMedia(rule.conditionText).matches;
}

/**
 * The palette `element` has in `theme` ('light' or 'dark'), whichever theme the page shows: the
 * --tl-* values of the stylesheet rules that apply to it, the base ones and then those under
 * `@media (prefers-color-scheme: THEME)` or `[data-theme='THEME']` (the player's, see
 * player-element.js), in the order of the sheets. The same rules the canvas reads through
 * readPalette; a value no rule gives (a sheet from another origin, unreadable) is readPalette's.
 */
export function readThemePalette(element, theme) {
  const root = element.getRootNode();
  const sheets = [...(root.styleSheets ?? []), ...(root.adoptedStyleSheets ?? [])];
  const found = {};
  const visit = (rules) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) {
        if (mediaApplies(rule, theme)) visit(rule.cssRules);
      } else if (rule instanceof CSSStyleRule) {
        const themed = /\[data-theme=(['"]?)(light|dark)\1\]/g;
        const asked = [...rule.selectorText.matchAll(themed)].map((m) => m[2]);
        if (asked.some((t) => t !== theme)) continue;
        let applies = false;
        try {
          applies = element.matches(rule.selectorText.replace(themed, ''));
        } catch {
          // A selector this browser cannot match after the theme is taken out: not ours.
        }
        if (!applies) continue;
        for (const name of names) {
          const value = rule.style.getPropertyValue(`--tl-${name}`).trim();
          if (value) found[name] = value;
        }
      } else if (rule.cssRules) visit(rule.cssRules);
    }
  };
  for (const sheet of sheets) {
    let rules;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    visit(rules);
  }
  const palette = readPalette(element);
  for (const name of names) {
    const camel = name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (found[name]) palette[camel] = found[name];
  }
  return palette;
}
