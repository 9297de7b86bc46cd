// A gutter mark on every line that has events in the run shown; clicking one (or Ctrl/Cmd+
// Shift+Enter on the cursor's line) asks the page to select them on the timeline.
import { RangeSet, StateEffect, StateField } from '@codemirror/state';
import { EditorView, GutterMarker, gutter } from '@codemirror/view';

/** Sets the lines with events: a Map from 1-based line to its number of events. */
export const setEventLines = StateEffect.define();

class EventMarker extends GutterMarker {
  constructor(count, title) {
    super();
    this.count = count;
    this.title = title;
  }

  eq(other) {
    return other.count === this.count;
  }

  toDOM() {
    const mark = document.createElement('span');
    mark.className = 'cm-event-mark';
    mark.textContent = '●';
    mark.title = this.title(this.count);
    return mark;
  }
}

/** The marks' field; `title(count)` gives a mark's title, in the page's language. */
function eventLinesField(title) {
  return StateField.define({
    create: () => RangeSet.empty,
    update(marks, transaction) {
      let next = marks.map(transaction.changes);
      for (const effect of transaction.effects) {
        if (!effect.is(setEventLines)) continue;
        const doc = transaction.state.doc;
        const ranges = [];
        for (const [line, count] of [...effect.value].sort((a, b) => a[0] - b[0])) {
          if (line >= 1 && line <= doc.lines)
            ranges.push(new EventMarker(count, title).range(doc.line(line).from));
        }
        next = RangeSet.of(ranges);
      }
      return next;
    },
  });
}

/**
 * The gutter; `onLine(line)` hears a click on a marked line, and `title(count)` is a mark's
 * title ("3 events at this line: …", from the page's catalogue).
 */
export function eventGutter(onLine, title) {
  const eventLines = eventLinesField(title);
  return [
    eventLines,
    gutter({
      class: 'cm-event-gutter',
      markers: (view) => view.state.field(eventLines),
      domEventHandlers: {
        mousedown(view, block) {
          const line = view.state.doc.lineAt(block.from).number;
          let marked = false;
          view.state.field(eventLines).between(block.from, block.from, () => {
            marked = true;
          });
          if (!marked) return false;
          onLine(line);
          return true;
        },
      },
    }),
    EditorView.theme({
      '.cm-event-gutter': { minWidth: '14px' },
      '.cm-event-mark': {
        color: 'var(--accent)',
        cursor: 'pointer',
        fontSize: '9px',
        paddingLeft: '3px',
      },
    }),
  ];
}
