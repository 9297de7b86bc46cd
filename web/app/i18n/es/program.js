// program: Spanish messages, with the same keys and {placeholders} as en/program.js.
export default {};
