// Pointer, wheel and keyboard input of the timeline: wheel and +/- zoom around the cursor, drag
// pans, `f` fits, shift+arrows pan, hover shows a tooltip, click selects. Plain arrows and space
// belong to playback (playback/keys.js).
import { describeHit, Tooltip } from './tooltip.js';

const dragThreshold = 4;

/** Connects input on `timeline`'s canvas (and page keys) to zoom, pan, hover and select. */
export function attachInteraction(timeline) {
  const canvas = timeline.canvas;
  const tooltip = new Tooltip(timeline.container);
  let pointer = null;
  let drag = null;

  const local = (event) => {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };

  const hover = (px, py) => {
    const hit = timeline.hitTest(px, py);
    if (hit) {
      tooltip.show(
        timeline.speak(() => describeHit(timeline.model, hit)),
        px,
        py,
      );
      canvas.classList.add('is-over-item');
    } else {
      tooltip.hide();
      canvas.classList.remove('is-over-item');
    }
  };

  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const [px] = local(event);
      if (event.shiftKey) {
        timeline.panBy(0, -(event.deltaY || event.deltaX));
      } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        timeline.panBy(-event.deltaX, 0);
      } else {
        const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
        timeline.zoomAt(px, Math.exp(-event.deltaY * unit * 0.002));
      }
      tooltip.hide();
    },
    { passive: false },
  );

  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    const [px, py] = local(event);
    drag = { px, py, startX: px, startY: py, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });

  canvas.addEventListener('pointermove', (event) => {
    const [px, py] = local(event);
    pointer = [px, py];
    if (drag) {
      if (!drag.moved && Math.hypot(px - drag.startX, py - drag.startY) >= dragThreshold) {
        drag.moved = true;
        canvas.classList.add('is-dragging');
        tooltip.hide();
      }
      if (drag.moved) {
        timeline.panBy(px - drag.px, py - drag.py);
        drag.px = px;
        drag.py = py;
      }
      return;
    }
    hover(px, py);
  });

  canvas.addEventListener('pointerup', (event) => {
    if (!drag) return;
    const [px, py] = local(event);
    if (!drag.moved) timeline.select(timeline.hitTest(px, py));
    drag = null;
    canvas.classList.remove('is-dragging');
  });

  canvas.addEventListener('pointerleave', () => {
    pointer = null;
    tooltip.hide();
  });

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (
      target instanceof HTMLElement &&
      target.closest('input, select, textarea, [contenteditable], [data-own-keys]')
    )
      return;
    const centre = pointer ? pointer[0] : timeline.width / 2 + 56;
    switch (event.key) {
      case '+':
      case '=':
        timeline.zoomAt(centre, 1.5);
        break;
      case '-':
      case '_':
        timeline.zoomAt(centre, 1 / 1.5);
        break;
      case 'f':
      case 'F':
        timeline.fit();
        break;
      case 'ArrowLeft':
        if (!event.shiftKey) return;
        timeline.panBy(timeline.width / 8, 0);
        break;
      case 'ArrowRight':
        if (!event.shiftKey) return;
        timeline.panBy(-timeline.width / 8, 0);
        break;
      case 'Escape':
        timeline.select(null);
        break;
      default:
        return;
    }
    event.preventDefault();
    tooltip.hide();
  });
}
