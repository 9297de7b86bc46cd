// The page's one animation-frame loop. The timeline's drawing, the task table's scrolling and the
// playback clock all ask here for their next frame, and whatever was asked for before a frame
// runs in that one browser frame, in the order it was asked for. This is the only module that
// calls requestAnimationFrame (tests/web/frame-scheduler.test.mjs checks that).

/** Callbacks waiting for the next frame, by the id requestFrame returned. */
const waiting = new Map();
let nextId = 1;
let browserFrame = 0;

function runFrame(now) {
  browserFrame = 0;
  // What is asked for while this frame runs gets the next one, as with requestAnimationFrame.
  for (const [id, callback] of [...waiting]) {
    // Withdrawn by an earlier callback of this frame.
    if (!waiting.delete(id)) continue;
    // One failing callback must not cost the others their frame.
    try {
      callback(now);
    } catch (error) {
      reportError(error);
    }
  }
}

/** Calls `callback(now)` in the next animation frame; returns an id for cancelFrame. */
export function requestFrame(callback) {
  const id = nextId++;
  waiting.set(id, callback);
  if (!browserFrame) browserFrame = requestAnimationFrame(runFrame);
  return id;
}

/** Withdraws a request; with nothing left waiting, no frame is asked of the browser. */
export function cancelFrame(id) {
  if (!waiting.delete(id) || waiting.size > 0 || !browserFrame) return;
  cancelAnimationFrame(browserFrame);
  browserFrame = 0;
}
