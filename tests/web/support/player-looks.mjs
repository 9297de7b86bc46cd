// How the first <wakeline-player> on a page (or in a frame) looks, after two frames: whether its
// canvas's top-right pixel and its frame's background are light or dark, and its messages.
export const playerLooks = (page) =>
  page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const root = document.querySelector('wakeline-player').shadowRoot;
    const canvas = root.querySelector('canvas');
    const [r, g, b] = canvas.getContext('2d').getImageData(canvas.width - 2, 2, 1, 1).data;
    const frame = getComputedStyle(root.querySelector('.player')).backgroundColor;
    const level = (text) => Math.max(...text.match(/\d+/g).slice(0, 3).map(Number));
    return {
      canvas: Math.max(r, g, b) < 80 ? 'dark' : 'light',
      frame: level(frame) < 80 ? 'dark' : 'light',
      messages: [...root.querySelectorAll('.player-messages li')].map((li) => li.textContent),
    };
  });
