// warnings: Spanish messages, with the same keys and {placeholders} as en/warnings.js.
export default {
  'warnings.bytes': { one: '{count} byte', other: '{count} bytes' },
};
