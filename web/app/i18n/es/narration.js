// narration: Spanish messages, with the same keys and {placeholders} as en/narration.js.
export default {};
