// warnings: a byte count in words (bytes.js: the caption's too, before the first timeline). The
// lints and their list are warnings-list.js's, loaded after the first timeline (en/later.js).
export default {
  'warnings.bytes': { one: '{count} byte', other: '{count} bytes' },
};
