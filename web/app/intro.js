// The one line under the header that says what the page is, for a first visit. Hiding it is
// remembered, so it does not come back on every load.

const storageKey = 'wakeline.intro-hidden';

/** Shows `intro` unless the reader hid it before; `close` hides it for good. */
export function attachIntro(intro, close) {
  let storage = null;
  try {
    storage = window.localStorage;
  } catch {
    // No storage (a private window may refuse it): the line shows on every load.
  }
  if (storage?.getItem(storageKey) === '1') intro.hidden = true;
  close.addEventListener('click', () => {
    intro.hidden = true;
    try {
      storage?.setItem(storageKey, '1');
    } catch {
      // Hidden for this visit only.
    }
  });
}
