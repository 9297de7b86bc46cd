// The examples in Spanish: each one's title, explanation and parameters, by example id. English
// comes from the core's catalogue (examples/*.cpp); `from` is a fingerprint of the English text
// each translation was made from, so a test names the translations an English edit left behind.
export default {};
