// player: Spanish messages, with the same keys and {placeholders} as en/player.js.
export default {};
