// <wakeline-player>'s playback controls: step by poll and by event, play, speed and the event
// counter, and the keys that drive them while focus is inside the player. Keys are heard on the
// player's own frame (never the document), and the ones it uses do not reach the host page, so
// the arrows and space step the run instead of scrolling the post.
// The figure buttons download a figure of the view shown (timeline/figure.js) as SVG or PNG.
import { element } from '../dom.js';
import { eventsPerSecond } from '../playback/clock.js';
import { download, exportName } from '../share/trace-export.js';
import { figureSvgText } from '../timeline/figure.js';
import { t } from '../i18n/i18n.js';

// Everything the controls say, from the catalogue (i18n/en/player.js and i18n/es/player.js), in the language in use when
// they are labelled: [text, title] of each button.
const labels = {
  prevPoll: () => [t('player.controls.prevPoll'), t('player.controls.prevPollTitle')],
  prev: () => [t('player.controls.prev'), t('player.controls.prevTitle')],
  play: () => [t('player.controls.play'), t('player.controls.playTitle')],
  pause: () => [t('player.controls.pause'), t('player.controls.pauseTitle')],
  next: () => [t('player.controls.next'), t('player.controls.nextTitle')],
  nextPoll: () => [t('player.controls.nextPoll'), t('player.controls.nextPollTitle')],
  svg: () => [t('player.controls.svg'), t('player.controls.svgTitle')],
  png: () => [t('player.controls.png'), t('player.controls.pngTitle')],
};

/** The scale of the PNG the player's button downloads. */
export const playerPngScale = 2;

/** Speeds offered, as multiples of the clock's 4 events per second. */
export const playerSpeeds = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

/** A run plays in about this long at the speed chosen for it when `speed` is not given. */
const targetSeconds = 60;

/** The slowest offered speed that plays `count` events in about a minute (at least 1×). */
export function speedFor(count) {
  return (
    playerSpeeds.find((s) => s >= 1 && count / (s * eventsPerSecond) <= targetSeconds) ??
    playerSpeeds[playerSpeeds.length - 1]
  );
}

/** Sets `node`'s text and its title, which is also its accessible name. */
function label(node, [text, title]) {
  node.textContent = text;
  node.title = title;
  node.setAttribute('aria-label', title);
}

function button(className, words) {
  const node = element('button', `player-button ${className}`, undefined, { type: 'button' });
  label(node, words());
  return node;
}

/**
 * The controls of `clock` (a PlaybackClock), built into `container`, labelled in the language in
 * use (the player builds them, and calls update() and relabel(), in its own).
 */
export class PlayerControls {
  constructor(container, clock) {
    this.clock = clock;
    this.prevPoll = button('player-prev-poll', labels.prevPoll);
    this.prev = button('player-prev', labels.prev);
    this.play = button('player-play', labels.play);
    this.next = button('player-next', labels.next);
    this.nextPoll = button('player-next-poll', labels.nextPoll);
    this.speed = element('select', 'player-speed');
    for (const value of playerSpeeds) {
      const option = element('option');
      option.value = String(value);
      this.speed.append(option);
    }
    this.speed.value = '1';
    this.counter = element('span', 'player-counter');
    container.append(
      this.prevPoll,
      this.prev,
      this.play,
      this.next,
      this.nextPoll,
      this.speed,
      this.counter,
    );
    this.prevPoll.addEventListener('click', () => clock.stepPoll(-1));
    this.prev.addEventListener('click', () => clock.step(-1));
    this.play.addEventListener('click', () => clock.toggle());
    this.next.addEventListener('click', () => clock.step(1));
    this.nextPoll.addEventListener('click', () => clock.stepPoll(1));
    this.speed.addEventListener('change', () => clock.setSpeed(Number(this.speed.value)));
    this.relabel();
  }

  /** Says every label again, in the language in use (the player's changed). */
  relabel() {
    label(this.prevPoll, labels.prevPoll());
    label(this.prev, labels.prev());
    label(this.next, labels.next());
    label(this.nextPoll, labels.nextPoll());
    this.speed.setAttribute('aria-label', t('player.controls.speed'));
    // Speeds are numbers of the locale: 0.25× in English, 0,25× in Spanish.
    for (const option of this.speed.options)
      option.textContent = t('player.controls.speedValue', { speed: Number(option.value) });
    this.shownPlaying = undefined;
    this.shownAt = undefined;
    this.update();
  }

  /** Sets the clock's speed to the offered one nearest `speed`, and shows it. */
  setSpeed(speed) {
    const nearest = playerSpeeds.reduce((best, s) =>
      Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed)) ? s : best,
    );
    this.speed.value = String(nearest);
    this.clock.setSpeed(nearest);
  }

  /** Shows the clock's state: play or pause, the counter, what can be pressed. */
  update() {
    const { clock } = this;
    const count = clock.model?.count ?? 0;
    const playing = clock.playing;
    if (this.shownPlaying !== playing) {
      this.shownPlaying = playing;
      label(this.play, playing ? labels.pause() : labels.play());
      this.play.setAttribute('aria-pressed', String(playing));
    }
    const at = clock.event;
    if (this.shownAt !== at || this.shownCount !== count) {
      this.shownAt = at;
      this.shownCount = count;
      const numbers = { at: at + 1, count };
      this.counter.textContent = count === 0 ? '' : t('player.controls.counter', numbers);
      this.counter.title = count === 0 ? '' : t('player.controls.counterTitle', numbers);
      for (const control of [this.prevPoll, this.prev, this.play, this.next, this.nextPoll])
        control.disabled = count === 0;
    }
  }

  /**
   * Handles a key pressed inside the player: space plays or pauses, ← → step an event, ↑ ↓ a
   * poll, Home and End go to the ends. True if it was one of them (the caller stops it).
   */
  key(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
    const clock = this.clock;
    if (!clock.model || clock.model.count === 0) return false;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && target.closest('select, input, textarea')) return false;
    switch (event.key) {
      case ' ':
        // A focused button clicks on space itself; toggling here too would undo it.
        if (target instanceof HTMLElement && target.closest('button, a')) return false;
        clock.toggle();
        return true;
      case 'ArrowRight':
        clock.step(1);
        return true;
      case 'ArrowLeft':
        clock.step(-1);
        return true;
      case 'ArrowDown':
        clock.stepPoll(1);
        return true;
      case 'ArrowUp':
        clock.stepPoll(-1);
        return true;
      case 'Home':
        clock.step(-clock.event);
        return true;
      case 'End':
        clock.step(clock.model.count - 1 - clock.event);
        return true;
      default:
        return false;
    }
  }
}

/**
 * The SVG and PNG buttons, appended to `container`: each downloads a figure of the view shown.
 * `figure(options)` is the player's figure() (null before a run has drawn); `model()` the run
 * shown, which names the file; `say(make)` reports a failure, `make()` making its sentence in
 * the player's language. Returns { svg, png, relabel() } (relabel says their labels again, in the
 * language in use).
 */
export function attachFigureButtons(container, figure, model, say) {
  const svg = button('player-figure', labels.svg);
  const png = button('player-figure-png', labels.png);
  svg.addEventListener('click', () => {
    const made = figure();
    if (made)
      download(
        new Blob([figureSvgText(made)], { type: 'image/svg+xml' }),
        exportName(model(), 'svg'),
      );
  });
  png.addEventListener('click', async () => {
    try {
      const blob = await figure({ format: 'png', scale: playerPngScale });
      if (blob) download(blob, exportName(model(), 'figure.png'));
    } catch (error) {
      const why = String(error?.message ?? error);
      say(() => t('player.controls.figureFailed', { error: why }));
    }
  });
  container.append(svg, png);
  return {
    svg,
    png,
    relabel() {
      label(svg, labels.svg());
      label(png, labels.png());
    },
  };
}
