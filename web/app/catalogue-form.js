// The header's controls: example picker grouped by topic, the example's explanation, strategy
// picker, and a parameter form generated from the example's typed parameters, with a message
// beside each invalid field. Every catalogue string becomes text, never markup.
import { parseIntegerField } from './param-input.js';

const topicOrder = ['basics', 'timers', 'synchronisation', 'schedulers', 'pitfalls', 'I/O'];
const maxSeed = Number.MAX_SAFE_INTEGER;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The examples grouped by topic, topics in the product's order, unknown topics after. */
export function groupByTopic(examples) {
  const groups = new Map();
  for (const example of examples) {
    if (!groups.has(example.topic)) groups.set(example.topic, []);
    groups.get(example.topic).push(example);
  }
  const rank = (topic) => {
    const i = topicOrder.indexOf(topic);
    return i === -1 ? topicOrder.length : i;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

/**
 * The form. `elements` holds the page's nodes: examplePicker (select), explanation, strategyPicker
 * (select), params (container), runButton. `onChange()` is called when validity may have changed.
 */
export class CatalogueForm {
  constructor(examples, elements, { onExampleChange } = {}) {
    this.examples = examples;
    this.byId = new Map(examples.map((example) => [example.id, example]));
    this.el = elements;
    this.fields = [];
    this.onExampleChange = onExampleChange ?? (() => {});
    this.running = false;

    for (const [topic, list] of groupByTopic(examples)) {
      const group = element('optgroup');
      group.label = topic;
      for (const example of list) {
        const option = element('option', '', example.title);
        option.value = example.id;
        group.append(option);
      }
      this.el.examplePicker.append(group);
    }
    this.el.examplePicker.addEventListener('change', () => this.selectExample(this.el.examplePicker.value));
  }

  /** The example shown, or undefined before selectExample. */
  get example() {
    return this.byId.get(this.selectedId);
  }

  /** Shows example `id` with its defaults; returns false for an unknown id. */
  selectExample(id) {
    const example = this.byId.get(id);
    if (!example) return false;
    this.selectedId = id;
    this.el.examplePicker.value = id;
    this.el.explanation.textContent = example.explanation;
    this.el.strategyPicker.replaceChildren(...example.strategies.map((strategy) => {
      const option = element('option', '', strategy);
      option.value = strategy;
      return option;
    }));
    this.el.strategyPicker.disabled = example.strategies.length < 2;
    this.#buildFields(example);
    this.onExampleChange(example);
    return true;
  }

  #buildFields(example) {
    const seed = { name: 'seed', type: 'integer', default: 0, min: 0, max: maxSeed,
                   description: 'seed of the example’s random choices' };
    this.fields = [...example.params, seed].map((param) => this.#field(param, param === seed));
    this.el.params.replaceChildren(...this.fields.map((field) => field.row));
    this.updateValidity();
  }

  #field(param, isSeed) {
    const id = `param-${param.name}`;
    const row = element('div', `param param-${param.type}`);
    const label = element('label', 'param-label', param.name);
    label.htmlFor = id;
    const range = param.type === 'integer' && !isSeed ? ` (${param.min}–${param.max})` : '';
    const help = element('span', 'param-help', `${param.description}${range}`);
    help.id = `${id}-help`;
    const message = element('span', 'param-message');
    message.id = `${id}-message`;
    message.setAttribute('aria-live', 'polite');
    const input = element('input', 'param-input');
    input.id = id;
    input.name = param.name;
    input.setAttribute('aria-describedby', `${help.id} ${message.id}`);
    const field = { param, isSeed, row, input, message, error: null };
    if (param.type === 'boolean') {
      input.type = 'checkbox';
      input.checked = Boolean(param.default);
      row.append(input, label, help, message);
    } else {
      input.type = 'text';
      input.inputMode = 'numeric';
      input.autocomplete = 'off';
      input.spellcheck = false;
      input.value = String(param.default);
      input.size = Math.min(10, String(param.max).length + 1);
      row.append(label, input, help, message);
      input.addEventListener('input', () => this.updateValidity());
    }
    return field;
  }

  /** Re-checks every field, shows messages, enables Run only when all are valid. */
  updateValidity() {
    let valid = true;
    for (const field of this.fields) {
      if (field.param.type !== 'integer') continue;
      const parsed = parseIntegerField(field.input.value, field.param);
      field.error = parsed.error ?? null;
      field.message.textContent = field.error ?? '';
      field.input.setAttribute('aria-invalid', field.error ? 'true' : 'false');
      field.row.classList.toggle('is-invalid', Boolean(field.error));
      if (field.error) valid = false;
    }
    this.valid = valid;
    this.el.runButton.disabled = !valid;
    return valid;
  }

  /** The run request from the fields: { example, strategy, params, seed }, or null if invalid. */
  request() {
    if (!this.updateValidity()) return null;
    const params = {};
    let seed = 0;
    for (const field of this.fields) {
      const value = field.param.type === 'boolean'
        ? field.input.checked
        : parseIntegerField(field.input.value, field.param).value;
      if (field.isSeed) seed = value;
      else params[field.param.name] = value;
    }
    return { example: this.example.id, strategy: this.el.strategyPicker.value, params, seed };
  }
}
