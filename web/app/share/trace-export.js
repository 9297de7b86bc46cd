// The shown trace as files: NDJSON exactly as the CLI writes it (header line, then each event's
// JSON text, which is its NDJSON line), Chrome trace JSON for Perfetto (written by the engine),
// and the timeline canvas as a PNG. The model gives events back one at a time (fieldsOf).
import { t } from '../i18n/i18n.js';

/** The model's header line: the API's own text when the run kept it, else the header's JSON. */
function headerLine(model) {
  return model.headerLine ?? JSON.stringify(model.header);
}

/** The trace of `model` as NDJSON text, byte for byte what `wakeline run` prints. */
export function ndjsonText(model) {
  const parts = [headerLine(model), '\n'];
  for (let i = 0; i < model.count; ++i) parts.push(JSON.stringify(model.fieldsOf(i)), '\n');
  return parts.join('');
}

/**
 * The trace of `model` as Chrome trace JSON text, written by the engine with the same writer as
 * `wakeline run --format chrome` (core/trace/chrome_writer.cpp) from the trace's NDJSON.
 */
export function chromeText(model, engine) {
  return engine.chromeTrace(ndjsonText(model));
}

/** A file name for an export of `model`: wakeline-EXAMPLE-STRATEGY-seed-N.EXT, safe characters only. */
export function exportName(model, extension) {
  const { example = 'trace', strategy = 'local', seed = 0 } = model.header ?? {};
  const stem = `wakeline-${example}-${strategy}-seed-${seed}`.replace(/[^A-Za-z0-9_.-]+/g, '_');
  return `${stem}.${extension}`;
}

/** The canvas as a PNG Blob (the visible window at the screen's pixel density). */
export function canvasPng(canvas) {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error(t('share.export.pngFailed')))),
      'image/png',
    );
  });
}

/** Offers `blob` as a download named `name`. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click handler returns; the URL can go later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
