// page: Spanish messages, with the same keys and {placeholders} as en/page.js.
export default {};
