// Turns the peer programs' measurement lines (bench/peers/README.md) into medians and the
// comparison table that bench/peers/compare.mjs prints. No I/O here, so it is tested directly
// (tests/scripts/peers-table.test.mjs).

/** Wakeline's own rows; every other peer is compared against them. */
export const WAKELINE = 'wakeline';
export const WAKELINE_TRACED = 'wakeline+trace';

/** The timed workloads, in the order the programs run them and the table lists them. */
export const WORKLOADS = ['spawn_join', 'fan_out', 'chain', 'yield', 'channel', 'timers'];
export const MEMORY = 'pending_task_memory';

/**
 * Parses one program's output. Every non-empty line must be a measurement of `peer`; anything
 * else is an error naming the line, so a crashed or misbehaving program never passes as data.
 */
export function parseMeasurements(text, peer) {
  const out = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let m;
    try {
      m = JSON.parse(line);
    } catch {
      throw new Error(`${peer}: line ${index + 1} is not JSON: ${line.slice(0, 120)}`);
    }
    const known = WORKLOADS.includes(m.workload) || m.workload === MEMORY;
    const numbers =
      m.workload === MEMORY
        ? Number.isSafeInteger(m.tasks) && m.tasks > 0 && Number.isSafeInteger(m.bytes)
        : Number.isSafeInteger(m.ops) && m.ops > 0 && Number.isSafeInteger(m.ns) && m.ns > 0;
    if (m.peer !== peer || !known || !numbers) {
      throw new Error(
        `${peer}: line ${index + 1} is not a measurement of ${peer}: ${line.slice(0, 120)}`,
      );
    }
    out.push(m);
  }
  return out;
}

/** The median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median per peer and workload: nanoseconds per operation for the timed workloads, bytes per
 * task for the memory one. Returns Map<peer, Map<workload, {value, runs}>>.
 */
export function summarize(measurements) {
  const samples = new Map();
  for (const m of measurements) {
    const perOp = m.workload === MEMORY ? m.bytes / m.tasks : m.ns / m.ops;
    if (!samples.has(m.peer)) samples.set(m.peer, new Map());
    const byWorkload = samples.get(m.peer);
    if (!byWorkload.has(m.workload)) byWorkload.set(m.workload, []);
    byWorkload.get(m.workload).push(perOp);
  }
  const out = new Map();
  for (const [peer, byWorkload] of samples) {
    out.set(
      peer,
      new Map([...byWorkload].map(([w, v]) => [w, { value: median(v), runs: v.length }])),
    );
  }
  return out;
}

/** A ratio as the table writes it: two decimals and an x, as in `0.42x`. */
export function formatRatio(ratio) {
  return `${ratio.toFixed(2)}x`;
}

/** Nanoseconds per operation, three significant figures, in ns or us. */
export function formatTime(ns) {
  return ns >= 1000 ? `${(ns / 1000).toPrecision(3)} us` : `${ns.toPrecision(3)} ns`;
}

/** The peers other than Wakeline that measured `workload`, fastest first. */
function peersOf(summary, workload) {
  return [...summary]
    .filter(
      ([peer, byWorkload]) =>
        peer !== WAKELINE && peer !== WAKELINE_TRACED && byWorkload.has(workload),
    )
    .map(([peer, byWorkload]) => ({ peer, value: byWorkload.get(workload).value }))
    .sort((a, b) => a.value - b.value);
}

/**
 * The comparison as Markdown table rows: one row per workload and peer, with Wakeline's time
 * (trace off and on) and its ratio to the peer. The goals (bench/peers/README.md) are checked
 * against the fastest peer: trace off at most 0.5x, trace on at most 1x.
 */
export function timeTable(summary) {
  const own = summary.get(WAKELINE) ?? new Map();
  const traced = summary.get(WAKELINE_TRACED) ?? new Map();
  const lines = [
    '| workload | peer | peer time/op | Wakeline | Wakeline/peer | Wakeline traced | traced/peer |',
    '|---|---|---|---|---|---|---|',
  ];
  const goals = [];
  for (const workload of WORKLOADS) {
    const mine = own.get(workload)?.value;
    const mineTraced = traced.get(workload)?.value;
    const peers = peersOf(summary, workload);
    for (const { peer, value } of peers) {
      lines.push(
        `| ${workload} | ${peer} | ${formatTime(value)} | ` +
          `${mine === undefined ? '-' : formatTime(mine)} | ${mine === undefined ? '-' : formatRatio(mine / value)} | ` +
          `${mineTraced === undefined ? '-' : formatTime(mineTraced)} | ` +
          `${mineTraced === undefined ? '-' : formatRatio(mineTraced / value)} |`,
      );
    }
    if (peers.length > 0 && mine !== undefined) {
      const fastest = peers[0];
      goals.push({
        workload,
        fastest: fastest.peer,
        ratio: mine / fastest.value,
        tracedRatio: mineTraced === undefined ? undefined : mineTraced / fastest.value,
      });
    }
  }
  return { lines, goals };
}

/** Bytes per pending task, per peer, with Wakeline's as a ratio of each. */
export function memoryTable(summary) {
  const mine = summary.get(WAKELINE)?.get(MEMORY)?.value;
  const lines = ['| peer | bytes per sleeping task | Wakeline/peer |', '|---|---|---|'];
  for (const [peer, byWorkload] of summary) {
    const entry = byWorkload.get(MEMORY);
    if (!entry) continue;
    const ratio = mine === undefined || peer === WAKELINE ? '' : formatRatio(mine / entry.value);
    lines.push(`| ${peer} | ${Math.round(entry.value)} | ${ratio} |`);
  }
  return lines;
}

/**
 * How much each verdict owes to the machine's noise, from measurements tagged with their `round`:
 * per round, Wakeline's time over the fastest peer's in that same round (median and range), and
 * Wakeline's median over the fastest single run of any peer. One line per workload.
 */
export function spreadLines(measurements) {
  const perRound = new Map(); // workload -> round -> {own, traced, peer}
  for (const m of measurements) {
    if (m.workload === MEMORY || m.round === undefined) continue;
    if (!perRound.has(m.workload)) perRound.set(m.workload, new Map());
    const rounds = perRound.get(m.workload);
    if (!rounds.has(m.round))
      rounds.set(m.round, { own: undefined, traced: undefined, peer: Infinity });
    const r = rounds.get(m.round);
    const perOp = m.ns / m.ops;
    if (m.peer === WAKELINE) r.own = perOp;
    else if (m.peer === WAKELINE_TRACED) r.traced = perOp;
    else r.peer = Math.min(r.peer, perOp);
  }
  const range = (ratios) =>
    `${formatRatio(median(ratios))} ` +
    `(${formatRatio(Math.min(...ratios))}-${formatRatio(Math.max(...ratios))})`;
  const lines = [];
  for (const workload of WORKLOADS) {
    const rounds = [...(perRound.get(workload)?.values() ?? [])].filter(
      (r) => r.own !== undefined && r.peer < Infinity,
    );
    if (rounds.length === 0) continue;
    const off = rounds.map((r) => r.own / r.peer);
    const on = rounds.filter((r) => r.traced !== undefined).map((r) => r.traced / r.peer);
    const best = Math.min(...rounds.map((r) => r.peer));
    let line = `${workload}: per round, trace off ${range(off)}`;
    if (on.length > 0) line += `, trace on ${range(on)}`;
    line += `; against the fastest peer's best run, trace off ${formatRatio(median(rounds.map((r) => r.own)) / best)}`;
    lines.push(line);
  }
  return lines;
}

/** The goals, one line each, saying met or missed. */
export function goalLines(goals, summary) {
  const lines = [];
  for (const g of goals) {
    const off = g.ratio <= 0.5 ? 'met' : 'MISSED';
    let line = `${g.workload}: trace off ${formatRatio(g.ratio)} of ${g.fastest} (goal <= 0.50x, ${off})`;
    if (g.tracedRatio !== undefined) {
      const on = g.tracedRatio <= 1 ? 'met' : 'MISSED';
      line += `; trace on ${formatRatio(g.tracedRatio)} (goal <= 1.00x, ${on})`;
    }
    lines.push(line);
  }
  const mine = summary.get(WAKELINE)?.get(MEMORY)?.value;
  const tokio = summary.get('tokio-current-thread')?.get(MEMORY)?.value;
  if (mine !== undefined && tokio !== undefined) {
    lines.push(
      `memory per sleeping task: ${Math.round(mine)} B against Tokio's ${Math.round(tokio)} B ` +
        `(goal below Tokio's, ${mine < tokio ? 'met' : 'MISSED'})`,
    );
  }
  return lines;
}
