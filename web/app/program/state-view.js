// The state machine view: what the compiler made of one async fn or async block (the engine's
// `states(source)`, `wakeline states --json`): its states in rustc's numbering (0 unresumed,
// 1 returned, 2 poisoned, 3.. one per `.await`), the locals each keeps alive, and, when the
// engine gives it, the size of the future and of each state. The machine shown is the one under
// the editor's cursor, or picked in the list; while the playhead moves, the one the selected
// task waits in, with its current state marked.
import { element } from '../dom.js';
import { formatNumber, setTextWithCode, t } from '../i18n/i18n.js';
import { formatBytes } from '../bytes.js';

/** A line number as code writes it: the locale's digits, no thousands separator. */
const lineText = (line) => formatNumber(line, { useGrouping: false });

/** How a state is called on screen. */
export function stateTitle(state) {
  switch (state.name) {
    case 'unresumed':
      return t('program.state.unresumed');
    case 'returned':
      return t('program.state.returned');
    case 'poisoned':
      return t('program.state.poisoned');
    default:
      return state.await
        ? t('program.state.suspendedAt', { line: lineText(state.await.start.line) })
        : t('program.state.suspended');
  }
}

// The core names lowering's temporaries in English (lang/states.cpp, temporary_name): said in
// the reader's language here; the slot of "a temporary (x)" is the program's own.
const temporaryKeys = new Map([
  ["the `for` loop's iterator", 'program.state.temporary.iterator'],
  ['the value being matched', 'program.state.temporary.scrutinee'],
  ['the `select!` result', 'program.state.temporary.selected'],
  ['the left operand', 'program.state.temporary.operand'],
  ["the format string's pieces", 'program.state.temporary.pieces'],
  ['a reference to a format argument', 'program.state.temporary.argument'],
  ["the `join!`'s futures", 'program.state.temporary.joinFutures'],
  ["the `select!`'s futures", 'program.state.temporary.selectFutures'],
  ["a reference to the `select!`'s futures", 'program.state.temporary.selectReference'],
  ["the `select!`'s disabled branches", 'program.state.temporary.selectMask'],
]);

/** A temporary's name as the core gives it, in the language in use. */
export function temporaryName(name) {
  const key = temporaryKeys.get(name);
  if (key) return t(key);
  const slot = /^a temporary \((.*)\)$/.exec(name);
  return slot ? t('program.state.temporary.other', { slot: slot[1] }) : name;
}

/** A machine's kind as the engine names it: `async fn` stays Rust's; an async block is said. */
export function kindText(kind) {
  return kind === 'async block' ? t('program.state.kind.asyncBlock') : String(kind);
}

/** The machine (an index into `machines`) whose text contains byte `offset`: the innermost. */
export function machineAt(machines, offset) {
  let best = -1;
  machines.forEach((machine, index) => {
    if (offset < machine.from || offset > machine.to) return;
    if (best === -1 || machine.to - machine.from < machines[best].to - machines[best].from)
      best = index;
  });
  return best;
}

/**
 * Where a task is, from its last poll_end (`end`: { result, line, state }, or null before its
 * first poll) and its name: { machine, state } (indices, -1 when unknown). A pending poll waits
 * at its innermost future's await: `state` (when the engine gives it) and its line find it; a
 * ready or failed poll ended the task's own future, found by the task's name.
 */
export function locateState(machines, taskName, end) {
  if (end?.result === 'pending' && Number.isInteger(end.line)) {
    for (let m = 0; m < machines.length; ++m) {
      const states = machines[m].states;
      const s = states.findIndex(
        (state) =>
          state.await?.start.line === end.line && (end.state == null || state.state === end.state),
      );
      if (s !== -1) return { machine: m, state: s };
    }
    return { machine: -1, state: -1 };
  }
  const name = String(taskName ?? '').replace(/ \(async block\)$/, '');
  const machine = machines.findIndex((entry) => entry.name === name);
  if (machine === -1) return { machine: -1, state: -1 };
  const wanted = end == null ? 0 : end.result === 'ready' ? 1 : end.result === 'failed' ? 2 : -1;
  return { machine, state: machines[machine].states.findIndex((state) => state.state === wanted) };
}

/** The view in `container`; `goTo(position)` puts the editor's cursor at an await. */
export class StateView {
  constructor(container, { goTo }) {
    this.container = container;
    this.goTo = goTo;
    this.machines = [];
    this.shown = -1;
    this.current = null;
    const label = element('label', 'state-pick-label', `${t('program.state.pick')} `);
    this.picker = element('select', 'state-pick');
    this.picker.id = 'state-machine-picker';
    label.htmlFor = this.picker.id;
    this.picker.addEventListener('change', () => this.show(Number(this.picker.value)));
    this.head = element('p', 'state-head');
    this.list = element('ol', 'state-list');
    this.list.setAttribute('aria-label', t('program.state.list'));
    this.note = element('p', 'state-note', t('program.state.hint'));
    this.form = element('div', 'state-picker');
    this.form.append(label, this.picker);
    container.replaceChildren(this.note, this.form, this.head, this.list);
    this.form.hidden = true;
  }

  /** The program's machines (states() answer's `machines`), or a sentence why there are none. */
  setMachines(machines, problem = null) {
    const keep = this.machines[this.shown]?.name;
    this.machines = machines ?? [];
    this.note.textContent =
      problem ?? (this.machines.length === 0 ? t('program.state.noMachines') : '');
    this.note.hidden = this.note.textContent === '';
    this.form.hidden = this.machines.length === 0;
    this.picker.replaceChildren(
      ...this.machines.map((machine, index) => {
        const option = element(
          'option',
          '',
          t('program.state.option', {
            kind: kindText(machine.kind),
            name: machine.name,
            line: lineText(machine.line),
          }),
        );
        option.value = String(index);
        return option;
      }),
    );
    const again = this.machines.findIndex((machine) => machine.name === keep);
    this.show(again !== -1 ? again : this.machines.length > 0 ? 0 : -1);
  }

  /** Shows machine `index` (-1: none). */
  show(index) {
    this.shown = index;
    const machine = this.machines[index];
    if (!machine) {
      this.head.textContent = '';
      this.list.replaceChildren();
      return;
    }
    this.picker.value = String(index);
    const head = t('program.state.head', {
      kind: kindText(machine.kind),
      name: machine.name,
      line: lineText(machine.line),
      count: formatNumber(machine.states.length, { useGrouping: false }),
    });
    this.head.textContent = Number.isFinite(machine.size)
      ? `${head} ${t('program.state.size', { size: formatBytes(machine.size) })}`
      : head;
    this.list.replaceChildren(
      ...machine.states.map((state, s) => {
        const item = element('li', `state state-${state.name}`);
        item.dataset.state = String(state.state);
        const title = element('div', 'state-title');
        title.append(element('span', 'state-number', String(state.state)), ` ${stateTitle(state)}`);
        if (Number.isFinite(state.size))
          title.append(element('span', 'state-size', ` · ${formatBytes(state.size)}`));
        item.append(title);
        if (state.await) {
          const go = element('button', 'state-await link-button');
          go.type = 'button';
          go.append(element('code', '', state.await.text));
          go.title = t('program.state.showLine', { line: lineText(state.await.start.line) });
          go.addEventListener('click', () => this.goTo(state.await.start));
          item.append(go);
        }
        const kept = [...state.keeps, ...state.temporaries.map(temporaryName)];
        // The locals' names as the program writes them, listed as code lists them.
        const keeps =
          state.state === 0 && state.keeps.length > 0
            ? t('program.state.keepsArguments', { names: state.keeps.join(', ') })
            : kept.length > 0
              ? t('program.state.keeps', { names: kept.join(', ') })
              : state.state >= 3
                ? t('program.state.keepsNothing')
                : '';
        if (keeps) {
          // Temporaries' names quote code (`select!`): shown as code, from text alone.
          const line = element('p', 'state-keeps');
          setTextWithCode(line, keeps);
          item.append(line);
        }
        if (this.current && this.current.machine === index && this.current.state === s)
          this.#mark(item);
        return item;
      }),
    );
  }

  #mark(item) {
    item.classList.add('is-current');
    item.setAttribute('aria-current', 'step');
  }

  /** Shows the machine whose text holds byte `offset` (the editor's cursor). */
  showAt(offset) {
    const index = machineAt(this.machines, offset);
    if (index !== -1 && index !== this.shown) this.show(index);
  }

  /**
   * The selected task at the playhead: its name and last poll_end ({ result, line, state }, or
   * null). Shows its machine with the current state marked; null clears the mark.
   */
  playheadAt(taskName, end) {
    const found = taskName == null ? null : locateState(this.machines, taskName, end);
    this.current = found && found.machine !== -1 && found.state !== -1 ? found : null;
    if (this.current && this.current.machine !== this.shown) this.show(this.current.machine);
    else this.show(this.shown);
  }
}
