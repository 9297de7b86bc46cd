// The editor's look, from the page's colour variables (they reach into the editor's shadow
// root), so light and dark follow prefers-color-scheme as the rest of the page does. The
// syntax colours are the source panel's, as variables in web/styles/source.css.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

const highlight = HighlightStyle.define([
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: 'var(--code-comment)',
    fontStyle: 'italic',
  },
  {
    tag: [tags.keyword, tags.controlKeyword, tags.moduleKeyword, tags.self],
    color: 'var(--code-keyword)',
    fontWeight: '600',
  },
  { tag: [tags.string, tags.character, tags.special(tags.string)], color: 'var(--code-string)' },
  { tag: [tags.number, tags.integer, tags.bool], color: 'var(--code-number)' },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--code-type)' },
  {
    tag: [tags.function(tags.variableName), tags.macroName, tags.function(tags.propertyName)],
    color: 'var(--code-function)',
  },
  { tag: [tags.meta, tags.attributeName], color: 'var(--code-meta)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

export const editorTheme = [
  EditorView.theme({
    '&': {
      height: '100%',
      backgroundColor: 'var(--bg)',
      color: 'var(--fg)',
      fontSize: '12.5px',
    },
    '.cm-scroller': { fontFamily: 'var(--font-code)', lineHeight: '1.55' },
    '.cm-content': { caretColor: 'var(--fg)' },
    '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
    '.cm-gutters': {
      backgroundColor: 'var(--bg)',
      color: 'var(--fg-muted)',
      borderRight: '1px solid var(--border)',
    },
    '.cm-activeLine': { backgroundColor: 'transparent' },
    '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--fg)' },
    '.cm-await-line, .cm-await-line.cm-activeLine': {
      backgroundColor: 'var(--highlight-line)',
      boxShadow: 'inset 3px 0 0 var(--highlight-edge)',
    },
    '.cm-tooltip': {
      backgroundColor: 'var(--bg-panel)',
      color: 'var(--fg)',
      border: '1px solid var(--border)',
    },
    '.cm-diagnostic': { fontFamily: 'var(--font-ui)' },
    '.cm-cursor': { borderLeftColor: 'var(--fg)' },
    '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': {
      backgroundColor: 'var(--selection)',
    },
  }),
  syntaxHighlighting(highlight),
];
