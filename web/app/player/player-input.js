// Input of <wakeline-player>'s timeline, on its canvas only (the host page's keys and pointer are
// the host's): wheel zoom, drag pan, hover tooltip, click select, +/-/f/Escape. The playground's
// timeline/interaction.js also listens on the document, which an embedded player must not do.
import { describeHit, Tooltip } from '../timeline/tooltip.js';

/** Connects input on `timeline`'s canvas; a click (or Escape, with null) calls `onSelect(hit)`. */
export function attachPlayerInput(timeline, onSelect) {
  const canvas = timeline.canvas;
  const tooltip = new Tooltip(timeline.container);
  let drag = null;
  const local = (event) => {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };
  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      tooltip.hide();
      const [px] = local(event);
      timeline.zoomAt(px, Math.exp(-event.deltaY * 0.002));
    },
    { passive: false },
  );
  canvas.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', (event) => {
    const [px, py] = local(event);
    if (drag) {
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (drag.moved || Math.hypot(dx, dy) > 4) {
        drag.moved = true;
        timeline.panBy(dx, dy);
        drag.x = event.clientX;
        drag.y = event.clientY;
      }
      return;
    }
    const hit = timeline.hitTest(px, py);
    if (hit) tooltip.show(describeHit(timeline.model, hit), px, py);
    else tooltip.hide();
  });
  canvas.addEventListener('pointerup', (event) => {
    if (drag && !drag.moved) onSelect(timeline.hitTest(...local(event)));
    drag = null;
  });
  canvas.addEventListener('pointerleave', () => tooltip.hide());
  canvas.addEventListener('keydown', (event) => {
    const keys = { '+': 1.5, '=': 1.5, '-': 1 / 1.5 };
    if (keys[event.key]) timeline.zoomAt(timeline.width / 2, keys[event.key]);
    else if (event.key === 'f') timeline.fit();
    else if (event.key === 'Escape') onSelect(null);
    else return;
    event.preventDefault();
  });
}
