// The event schema (core/trace/schema.cpp) is the one description of the trace: the JS decoders
// are generated from it and must be current, the decoder refuses a module with another schema,
// and the format document and the TypeScript declarations name every kind and every field.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  builtSchema,
  decodersPath,
  wireDecodersSource,
} from '../../scripts/generate-wire-decoders.mjs';
import { WireDecoder } from '../../wasm/api/wire.mjs';
import { builtOrFail, core, repo } from './support/builds.mjs';

if (builtOrFail(core)) {
  const schema = await builtSchema();

  test('the schema has every kind once, each field named once', () => {
    const names = schema.kinds.map((kind) => kind.name);
    assert.ok(names.length >= 30, names.join(' '));
    assert.equal(new Set(names).size, names.length);
    for (const kind of schema.kinds) {
      const fields = kind.fields.map((field) => field.name);
      assert.equal(new Set(fields).size, fields.length, `${kind.name}: ${fields}`);
      assert.ok(!fields.some((f) => ['seq', 't', 'kind', 'cause'].includes(f)), kind.name);
    }
  });

  test('wasm/api/wire-decoders.mjs is what the generator writes from the built schema', () => {
    assert.equal(
      readFileSync(decodersPath, 'utf8'),
      wireDecodersSource(schema),
      'run node scripts/generate-wire-decoders.mjs and commit the result',
    );
  });

  test('the decoder refuses a module whose schema differs from the generated decoders', () => {
    const changed = structuredClone(schema);
    changed.kinds[2].fields.pop();
    assert.throws(() => new WireDecoder(changed), /generate-wire-decoders/);
    assert.doesNotThrow(() => new WireDecoder(schema));
  });

  test('the generator refuses a field name that is not a plain identifier', () => {
    const hostile = structuredClone(schema);
    hostile.kinds[0].fields[0].name = 'x; globalThis.hacked = 1; e.y';
    assert.throws(() => wireDecodersSource(hostile), /not a plain name/);
  });

  test('docs/trace-format.md documents every kind and each of its fields', () => {
    const doc = readFileSync(path.join(repo, 'docs/trace-format.md'), 'utf8');
    // The text about a kind: the #### section whose heading names it, or its row in a table.
    const sections = doc.split(/^#{2,4} /m);
    for (const kind of schema.kinds) {
      const mark = `\`${kind.name}\``;
      const about =
        sections.find((s) => s.split('\n')[0].includes(mark) && !s.split('\n')[0].includes(': ')) ??
        doc
          .split('\n')
          .find((line) => line.startsWith('| `') && line.split(' | ')[0].includes(mark));
      assert.ok(about, `docs/trace-format.md has no section or table row for ${kind.name}`);
      for (const field of kind.fields) {
        assert.ok(
          about.includes(`\`${field.name}\``),
          `docs/trace-format.md: ${kind.name} does not name \`${field.name}\``,
        );
      }
    }
  });

  test('wakeline.d.mts declares every kind with its fields, optional exactly when they may be absent', () => {
    const dts = readFileSync(path.join(repo, 'wasm/api/wakeline.d.mts'), 'utf8');
    // Fields of the interfaces a union member mixes in: name -> optional.
    const mixins = new Map();
    for (const [, name, body] of dts.matchAll(/interface (\w+) \{([^}]*)\}/g)) {
      mixins.set(
        name,
        new Map([...body.matchAll(/^\s*(\w+)(\??):/gm)].map(([, f, q]) => [f, q === '?'])),
      );
    }
    // The union runs to the first blank line; its members start at the outer indent.
    const start = dts.indexOf('export type TraceEvent =');
    const members = dts.slice(start, dts.indexOf('\n\n', start)).split('\n  | ').slice(1);
    for (const kind of schema.kinds) {
      const member = members.find((m) => new RegExp(`kind: [^;]*'${kind.name}'`).test(m));
      assert.ok(member, `wakeline.d.mts: TraceEvent has no member for ${kind.name}`);
      const declared = new Map();
      for (const [name, fields] of mixins)
        if (member.includes(`${name} &`)) for (const [f, q] of fields) declared.set(f, q);
      for (const [, f, q] of member.matchAll(/(\w+)(\??):\s/g)) declared.set(f, q === '?');
      for (const field of kind.fields) {
        assert.ok(
          declared.has(field.name),
          `wakeline.d.mts: ${kind.name} does not declare ${field.name}`,
        );
        assert.equal(
          declared.get(field.name),
          field.presence !== 'always',
          `wakeline.d.mts: ${kind.name}.${field.name} should ${field.presence === 'always' ? 'not ' : ''}be optional`,
        );
      }
    }
  });
}
