// The header's controls: example picker grouped by topic, the example's explanation, strategy
// picker, a parameter form generated from the example's typed parameters, and a settings section
// generated from the chosen strategy's settings (same fields, same checks), with a message beside
// each invalid field. Every catalogue string becomes text, never markup, in the page's language
// (the examples' and settings' words from i18n/es/examples.js, the form's own from i18n/*/form.js).
import { element } from './dom.js';
import { localizeExample, localizeStrategy, localizeTopic, t } from './i18n/i18n.js';
import { parseIntegerField } from './param-input.js';
import { describeStrategy, strategyOptionText } from './strategies.js';

const maxSeed = Number.MAX_SAFE_INTEGER;

/**
 * The examples grouped by topic, topics in the order of their first example. examples() lists
 * the examples by topic in the product's order, unknown topics last (examples/registry.cpp owns
 * that order), so it is not repeated here.
 */
export function groupByTopic(examples) {
  const groups = new Map();
  for (const example of examples) {
    if (!groups.has(example.topic)) groups.set(example.topic, []);
    groups.get(example.topic).push(example);
  }
  return [...groups.entries()];
}

/**
 * The settings of `strategy` (a name) that a run can set: those of `strategies` (the API's
 * strategies()) whose name is not one of `example`'s parameters (the example's own name wins).
 */
export function settingsFor(strategies, strategy, example) {
  const own = new Set((example?.params ?? []).map((param) => param.name));
  const entry = (strategies ?? []).find((s) => s.name === strategy);
  return (entry?.settings ?? []).filter((setting) => !own.has(setting.name));
}

/**
 * The form. `elements` holds the page's nodes: examplePicker (select), explanation (an
 * ExplanationBox, explanation-box.js), strategyPicker
 * (select), params (container), runButton. `strategies` (the API's strategies()) gives each
 * strategy's settings, shown in a section the form adds after `params`.
 */
export class CatalogueForm {
  constructor(examples, elements, { onExampleChange, strategies = [] } = {}) {
    // In the page's language, chosen before the form is made: `example` and onExampleChange give
    // these entries (in English, the catalogue's own).
    this.examples = examples.map((example) => localizeExample(example));
    this.byId = new Map(this.examples.map((example) => [example.id, example]));
    /** Every strategy with its settings, as strategies() gives them (in the page's language). */
    this.strategies = strategies.map((strategy) => localizeStrategy(strategy));
    this.el = elements;
    this.fields = [];
    this.settingFields = [];
    this.onExampleChange = onExampleChange ?? (() => {});
    this.running = false;
    /** Runs a program of the language: the example's own parameters do not apply to it. */
    this.programMode = false;
    /** Why Run is disabled besides the fields (a program with errors), or null. */
    this.blocked = null;

    this.settings = element('fieldset', 'strategy-settings');
    this.settings.id = 'strategy-settings';
    this.settingsLegend = element('legend', 'panel-heading');
    // What the strategy models, which version, and what to look for (strategies.js).
    this.settingsAbout = element('p', 'strategy-about', undefined, { id: 'strategy-about' });
    this.settingsList = element('div', 'params');
    this.settingsList.id = 'settings';
    this.settings.append(this.settingsLegend, this.settingsAbout, this.settingsList);
    this.settings.hidden = true;
    this.el.params.after(this.settings);
    this.el.strategyPicker.addEventListener('change', () =>
      this.selectStrategy(this.el.strategyPicker.value),
    );

    for (const [topic, list] of groupByTopic(this.examples)) {
      const group = element('optgroup');
      group.label = localizeTopic(topic);
      for (const example of list) {
        const option = element('option', '', example.title);
        option.value = example.id;
        group.append(option);
      }
      this.el.examplePicker.append(group);
    }
    this.el.examplePicker.addEventListener('change', () =>
      this.selectExample(this.el.examplePicker.value),
    );
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
    this.el.explanation.show(example.explanation);
    this.el.strategyPicker.replaceChildren(
      ...example.strategies.map((strategy) => {
        const option = element('option', '', strategyOptionText(strategy));
        option.value = strategy;
        option.title = describeStrategy(strategy).about;
        return option;
      }),
    );
    this.el.strategyPicker.disabled = example.strategies.length < 2;
    this.#buildFields(example);
    this.selectedStrategy = null;
    this.selectStrategy(example.strategies[0]);
    this.onExampleChange(example);
    return true;
  }

  /** The strategy chosen; its settings section is rebuilt. Returns false for one the example lacks. */
  selectStrategy(name) {
    const example = this.example;
    if (!example || !example.strategies.includes(name)) return false;
    this.el.strategyPicker.value = name;
    // A value changed from its default carries over to a setting of the same name.
    const carried = new Map();
    for (const field of this.settingFields) {
      const value = field.param.type === 'boolean' ? field.input.checked : field.input.value.trim();
      if (String(value) !== String(field.param.default)) carried.set(field.param.name, value);
    }
    this.selectedStrategy = name;
    const own = this.programMode ? null : example;
    this.settingFields = settingsFor(this.strategies, name, own).map((param) => {
      const field = this.#field(param, 'setting');
      if (carried.has(param.name)) {
        const value = carried.get(param.name);
        if (param.type === 'boolean') field.input.checked = value === true;
        else if (typeof value === 'string') field.input.value = value;
      }
      return field;
    });
    this.settingsLegend.textContent = t('form.strategy.legend', { name });
    this.settingsAbout.textContent = describeStrategy(name).about;
    this.el.strategyPicker.title = strategyOptionText(name);
    this.settingsList.replaceChildren(...this.settingFields.map((field) => field.row));
    this.settings.hidden = false;
    this.fields = [...this.paramFields, ...this.settingFields];
    this.updateValidity();
    return true;
  }

  #buildFields(example) {
    const seed = {
      name: 'seed',
      type: 'integer',
      default: 0,
      min: 0,
      max: maxSeed,
      description: t('form.seed.description'),
    };
    const params = this.programMode ? [] : example.params;
    this.paramFields = [...params, seed].map((param) =>
      this.#field(param, param === seed ? 'seed' : 'param'),
    );
    this.settingFields = [];
    this.fields = [...this.paramFields];
    this.el.params.replaceChildren(...this.paramFields.map((field) => field.row));
    this.updateValidity();
  }

  #field(param, role) {
    const isSeed = role === 'seed';
    const isSetting = role === 'setting';
    const id = `${isSetting ? 'setting' : 'param'}-${param.name}`;
    const row = element('div', `param param-${param.type}`);
    const label = element('label', 'param-label', param.name);
    label.htmlFor = id;
    // The range as digits, as the field takes them (no locale's thousands separators).
    const helpText =
      param.type === 'integer' && !isSeed
        ? t('form.param.range', {
            description: param.description,
            min: String(param.min),
            max: String(param.max),
          })
        : `${param.description}`;
    const help = element('span', 'param-help', helpText);
    help.id = `${id}-help`;
    const message = element('span', 'param-message');
    message.id = `${id}-message`;
    message.setAttribute('aria-live', 'polite');
    const input = element('input', 'param-input');
    input.id = id;
    input.name = param.name;
    input.setAttribute('aria-describedby', `${help.id} ${message.id}`);
    const field = { param, isSeed, isSetting, row, input, message, error: null };
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

  /**
   * Switches between the example's C++ (with its parameters) and its program (without them: a
   * program's constants are in its text); the strategy and the seed stay.
   */
  useProgram(on) {
    if (this.programMode === on || !this.example) {
      this.programMode = on;
      return;
    }
    this.programMode = on;
    const strategy = this.selectedStrategy;
    const seed = this.paramFields.find((field) => field.isSeed)?.input.value;
    this.#buildFields(this.example);
    this.selectedStrategy = null;
    this.selectStrategy(strategy);
    const seedField = this.paramFields.find((field) => field.isSeed);
    if (seedField && seed !== undefined) seedField.input.value = seed;
    this.updateValidity();
  }

  /** Disables Run for `reason` (a sentence Run's description says), or enables it with null. */
  block(reason) {
    this.blocked = reason;
    this.updateValidity();
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
    this.el.runButton.disabled = !valid || Boolean(this.blocked);
    const note = this.el.runBlocked;
    if (note) {
      note.textContent = this.blocked ?? '';
      note.hidden = !this.blocked;
    }
    return valid;
  }

  /**
   * The run request from the fields: { example, strategy, params, seed }, or null if invalid.
   * `params` holds the example's parameters, then the strategy's settings that differ from their
   * defaults (the run and the link take both by name; a setting left at its default is left out).
   */
  request() {
    if (!this.updateValidity()) return null;
    const params = {};
    let seed = 0;
    for (const field of this.fields) {
      const value =
        field.param.type === 'boolean'
          ? field.input.checked
          : parseIntegerField(field.input.value, field.param).value;
      if (field.isSeed) seed = value;
      else if (!field.isSetting || value !== field.param.default) params[field.param.name] = value;
    }
    return {
      example: this.example.id,
      strategy: this.selectedStrategy ?? this.el.strategyPicker.value,
      params,
      seed,
    };
  }
}
