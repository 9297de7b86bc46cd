// Input of <wakeline-player>'s timeline, on its canvas only (the host page's keys and pointer are
// the host's): wheel zoom, drag pan, hover tooltip, click select, +/-/f/Escape. The playground's
// timeline/interaction.js also listens on the document, which an embedded player must not do.
// A player sits in a page that scrolls: the wheel scrolls the page unless the reader has clicked
// into the player (its canvas has focus) or holds Ctrl (also a trackpad's pinch); a wheel that
// scrolls past says so once. On a touch screen one finger scrolls the page (touch-action in
// player.css lets the browser have it), and two fingers zoom and pan the timeline.
import { element } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { describeHit, Tooltip } from '../timeline/tooltip.js';

/** How long the "click to zoom" hint stays, in ms. */
const hintMs = 1800;

/**
 * Connects input on `timeline`'s canvas; a click (or Escape, with null) calls `onSelect(hit)`.
 * What it says (the wheel's hint, the hover tooltip) is in the timeline's language
 * (Timeline.speak). Returns { relabel() }, which says the hint again once that language changed.
 */
export function attachPlayerInput(timeline, onSelect) {
  const canvas = timeline.canvas;
  const tooltip = new Tooltip(timeline.container);
  let drag = null;
  const local = (event) => {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };
  const hint = element('div', 'player-wheel-hint', undefined, { role: 'status' });
  const relabel = () => (hint.textContent = timeline.speak(() => t('player.wheelHint')));
  relabel();
  hint.hidden = true;
  timeline.container.append(hint);
  let hintTimer = 0;
  const focused = () => canvas.getRootNode().activeElement === canvas;
  canvas.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey && !focused()) {
        // The page's scroll: the player only says how to zoom.
        if (hint.hidden) {
          hint.hidden = false;
          clearTimeout(hintTimer);
          hintTimer = setTimeout(() => (hint.hidden = true), hintMs);
        }
        return;
      }
      event.preventDefault();
      hint.hidden = true;
      tooltip.hide();
      const [px] = local(event);
      timeline.zoomAt(px, Math.exp(-event.deltaY * 0.002));
    },
    { passive: false },
  );
  // Touch pointers on the canvas: two of them pinch (zoom about their middle) and pan.
  const touches = new Map();
  let pinch = null;
  const pinchOf = () => {
    const [a, b] = [...touches.values()];
    return {
      mid: (a.x + b.x) / 2,
      midY: (a.y + b.y) / 2,
      distance: Math.hypot(a.x - b.x, a.y - b.y),
    };
  };
  canvas.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'touch') {
      touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
      drag = null;
      pinch = touches.size === 2 ? pinchOf() : null;
      return;
    }
    drag = { x: event.clientX, y: event.clientY, moved: false };
    try {
      canvas.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser no longer knows (it ended already): nothing to capture.
    }
  });
  const touchEnded = (event) => {
    touches.delete(event.pointerId);
    pinch = null;
  };
  canvas.addEventListener('pointercancel', (event) => {
    if (event.pointerType === 'touch') touchEnded(event);
    drag = null;
  });
  canvas.addEventListener('pointermove', (event) => {
    if (event.pointerType === 'touch') {
      if (!touches.has(event.pointerId)) return;
      touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (touches.size !== 2 || !pinch) return;
      const now = pinchOf();
      const rect = canvas.getBoundingClientRect();
      if (pinch.distance > 0 && now.distance > 0)
        timeline.zoomAt(now.mid - rect.left, now.distance / pinch.distance);
      timeline.panBy(now.mid - pinch.mid, now.midY - pinch.midY);
      pinch = now;
      return;
    }
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
    if (hit)
      tooltip.show(
        timeline.speak(() => describeHit(timeline.model, hit)),
        px,
        py,
      );
    else tooltip.hide();
  });
  canvas.addEventListener('pointerup', (event) => {
    if (event.pointerType === 'touch') {
      const tap = touches.size === 1 && !pinch;
      touchEnded(event);
      if (tap) onSelect(timeline.hitTest(...local(event)));
      return;
    }
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
  return { relabel };
}
