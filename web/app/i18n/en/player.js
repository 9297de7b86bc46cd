// player: English messages. Placeholders are {name}; plural forms are { one, other }.
export default {};
