// Reading the timeline's canvas in a browser test: where its lanes are (the canvas lists them in
// data-lanes), where an event of a trace lies on it (the layout of web/app/timeline/model.js
// and the window the page reports in #timeline-range), and what colour its pixels are.

/** The timeline palette's light colours (web/styles/timeline.css); headless Chromium is light. */
export const light = {
  pending: [0xe6, 0x9f, 0x00],
  ready: [0x00, 0x9e, 0x73],
  danger: [0xc0, 0x26, 0x1b],
  marker: [0x7a, 0x4f, 0xd0],
};

/** Width of the timeline's label column (web/app/timeline/lanes.js). */
export const labelWidth = 112;

/** The lanes of the canvas matching `selector`: Map label -> { top, height } in CSS pixels. */
export async function lanesOf(page, selector = '#timeline canvas') {
  const text = await page.locator(selector).getAttribute('data-lanes');
  const lanes = new Map();
  for (const entry of (text ?? '').split('|').filter(Boolean)) {
    const [label, top, height] = entry.split(':');
    if (!lanes.has(label)) lanes.set(label, { top: Number(top), height: Number(height) });
  }
  return lanes;
}

/**
 * A function from an event index of `events` (the trace's event objects) to its CSS pixel on the
 * canvas, at the slot's start: x(i) = t(i) + k * i with k = max(duration, 1 µs) / events
 * (spread on), scaled to the window #timeline-range reports.
 */
export async function pixelOf(page, events, { spread = true, selector = '#timeline canvas' } = {}) {
  const range = page.locator('#timeline-range');
  const x0 = Number(await range.getAttribute('data-x0'));
  const x1 = Number(await range.getAttribute('data-x1'));
  const width = (await page.locator(selector).boundingBox()).width;
  const duration = events.at(-1).t - events[0].t;
  const k = spread ? Math.max(duration, 1000) / events.length : 0;
  const scale = (width - labelWidth) / (x1 - x0);
  const px = (x) => labelWidth + (x - x0) * scale;
  return {
    k,
    start: (i) => px(events[i].t + k * i),
    end: (i) => px(events[i].t + k * i + k),
  };
}

/**
 * Pixels of the canvas row `y` (CSS pixels) from x `from` to `to`: how many there are and how
 * many have colour `rgb` (within 3 of each channel).
 */
export function rowColour(page, y, from, to, rgb, selector = '#timeline canvas') {
  return page.evaluate(
    ({ y, from, to, rgb, selector }) => {
      const canvas = document.querySelector(selector);
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const x = Math.round(from * scale);
      const w = Math.max(1, Math.round((to - from) * scale));
      const data = canvas.getContext('2d').getImageData(x, Math.round(y * scale), w, 1).data;
      let matching = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i] - rgb[0]) < 4 &&
          Math.abs(data[i + 1] - rgb[1]) < 4 &&
          Math.abs(data[i + 2] - rgb[2]) < 4
        )
          ++matching;
      }
      return { total: w, matching };
    },
    { y, from, to, rgb, selector },
  );
}

/** How many pixels of the canvas rectangle (CSS pixels) have colour `rgb`. */
export function boxColour(page, { x, y, width, height }, rgb, selector = '#timeline canvas') {
  return page.evaluate(
    ({ x, y, width, height, rgb, selector }) => {
      const canvas = document.querySelector(selector);
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const data = canvas
        .getContext('2d')
        .getImageData(
          Math.round(x * scale),
          Math.round(y * scale),
          Math.max(1, Math.round(width * scale)),
          Math.max(1, Math.round(height * scale)),
        ).data;
      let matching = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i] - rgb[0]) < 12 &&
          Math.abs(data[i + 1] - rgb[1]) < 12 &&
          Math.abs(data[i + 2] - rgb[2]) < 12
        )
          ++matching;
      }
      return matching;
    },
    { x, y, width, height, rgb, selector },
  );
}
