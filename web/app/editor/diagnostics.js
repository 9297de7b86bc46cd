// Diagnostics as you type: @codemirror/lint's linter over the page's `check` (the engine's, in
// its worker), debounced by the linter. The engine's spans (lines and columns in characters)
// become the editor's offsets (UTF-16) through the page's spans.js offsetOf, handed in (the
// page has it already: importing it here would make a chunk the first download must fetch).
import { linter } from '@codemirror/lint';

/** Milliseconds after the last keystroke before the program is checked. */
export const checkDelayMs = 250;

/**
 * The engine's diagnostics as the linter's: [{ from, to, severity, message }]. `text` is the
 * checked text; `offsetOf(text, { line, column })` its UTF-16 offsets (clamped to it).
 */
export function toEditorDiagnostics(text, diagnostics, offsetOf) {
  return diagnostics.map((diagnostic) => {
    const from = offsetOf(text, diagnostic.start);
    const to = Math.max(from, offsetOf(text, diagnostic.end));
    const label = diagnostic.label ? ` (${diagnostic.label})` : '';
    return {
      from,
      to,
      severity: diagnostic.severity === 'warning' ? 'warning' : 'error',
      message: `${diagnostic.message}${label}`,
      source: 'wakeline check',
    };
  });
}

/**
 * The linter. `check(text)` resolves to the engine's diagnostics for `text` (the page also lists
 * them and sets Run), or null when the answer is stale or failed: the marks then stay as they are.
 */
export function diagnostics(check, offsetOf) {
  return linter(
    async (view) => {
      const text = view.state.doc.toString();
      const found = await check(text);
      if (found === null || view.state.doc.toString() !== text) return [];
      return toEditorDiagnostics(text, found, offsetOf);
    },
    { delay: checkDelayMs },
  );
}
