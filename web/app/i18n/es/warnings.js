// warnings: Spanish messages, with the same keys and {placeholders} as en/warnings.js.
export default {};
