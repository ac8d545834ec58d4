#!/usr/bin/env node
// How long the window takes to show the figures of an edit, on the large plan (`mcplan demo
// --large`: 40 credentials, 500 tasks, ten years, 10,000 draws). It drives the real app through
// WebDriver (tauri-driver and WebKitWebDriver, as the end-to-end tests do), makes EDITS edits of
// each kind and prints p50/p95 from the input event to the updated figure on screen, both
// measured in the page's own clock: `performance.now()` just before the event is dispatched,
// and again when a MutationObserver sees the figure change (its text, or a Gantt bar's dates).
// Beside it, the same up to the first frame drawn after the change (the next animation frame
// has run and painted: a task queued from it runs after the paint).
// Kinds: the target uptake rate, the licence cost per learner, a credential's learning hours
// (rollout tab); a task's length, and adding and removing a task it waits for (work plan tab).
// Each kind's figures print as soon as it is measured.
//
// Run on demand, never in `make test` (see README, "Speed"):
//   (cd ui && npm run build)
//   cargo build --release -p planner-app -p planner-cli
//   xvfb-run -a -s "-screen 0 1280x800x24" node scripts/latency.mjs target/release/micro-credential-planner
// `EDITS=20` makes fewer edits of each kind; `TAB=rollout` or `TAB=workplan` measures only the
// kinds of that tab.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const app = resolve(process.argv[2] ?? process.env.MCPLAN_APP_BIN ?? '');
const EDITS = Number(process.env.EDITS ?? 50);
const WARM_UP = 3;
const TAB = process.env.TAB;
/** After each edit the script waits this long, so the debounced save runs between edits. */
const PAUSE_MS = 500;

if (!process.argv[2] && !process.env.MCPLAN_APP_BIN) {
  console.error('Name the built app: node scripts/latency.mjs target/release/micro-credential-planner');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'mcplan-latency-'));
const db = join(dir, 'plans.sqlite3');
const mcplan = (...args) =>
  execFileSync(join(dirname(app), 'mcplan'), ['--db', db, ...args], { encoding: 'utf8' });

/** The large plan (`mcplan demo --large`: 40 credentials, 500 tasks, ten years, 10,000 draws). */
function addLargePlan() {
  mcplan('demo', '--large');
}

function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(port) {
    const base = `http://127.0.0.1:${port}`;
    const capabilities = {
      alwaysMatch: { browserName: 'wry', 'tauri:options': { application: app, args: [] } },
    };
    // tauri-driver listens before its native driver is ready: try a few times.
    for (let attempt = 0; ; attempt += 1) {
      try {
        const answer = await post(`${base}/session`, { capabilities });
        // An edit waits up to 30 s for its figure: the driver must wait longer for the script.
        await post(`${base}/session/${answer.sessionId}/timeouts`, { script: 60_000 });
        return new Session(base, answer.sessionId);
      } catch (error) {
        if (attempt >= 10) throw error;
        await sleep(500);
      }
    }
  }

  run(script, ...args) {
    return post(`${this.base}/session/${this.id}/execute/sync`, { script, args });
  }

  runAsync(script, ...args) {
    return post(`${this.base}/session/${this.id}/execute/async`, { script, args });
  }

  async waitFor(css, timeoutMs = 60_000) {
    const started = Date.now();
    while (!(await this.run('return document.querySelector(arguments[0]) !== null', css))) {
      if (Date.now() - started > timeoutMs) throw new Error(`${css} never appeared`);
      await sleep(100);
    }
  }

  async click(css) {
    await this.waitFor(css);
    await this.run('document.querySelector(arguments[0]).click()', css);
  }

  async waitSaved() {
    const started = Date.now();
    while (
      !(await this.run(
        "return document.querySelector('[data-testid=save-state]')?.textContent.includes('All changes saved')",
      ))
    ) {
      if (Date.now() - started > 60_000) throw new Error('the plan was never saved');
      await sleep(50);
    }
  }

  end() {
    return fetch(`${this.base}/session/${this.id}`, { method: 'DELETE' });
  }
}

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${url}: ${JSON.stringify(answer.value ?? answer)}`);
  return answer.value;
}

// Runs in the page: makes one edit and answers the time, in the page's clock, from the event
// that makes it until the watched figure changed (its text, or an attribute such as a Gantt
// bar's dates) and until the frame after that change was painted, or `timeout` after 30 s. An edit is `{ box, text }` (text typed into a box),
// `{ select, value, button }` (a choice, then its button) or `{ button, named }` (a click on
// the first of the buttons `button` finds whose text holds `named`). A typed
// text equal to what the box holds changes nothing and is answered `same`, before any event.
const EDIT_IN_PAGE = `
  const [edit, figure, done] = arguments;
  const find = (css) => document.querySelector(css);
  const watched = find(figure);
  if (!watched) return done({ missing: figure });
  const target = edit.named
    ? [...document.querySelectorAll(edit.button)].find((b) => b.textContent.includes(edit.named))
    : find(edit.box ?? edit.select ?? edit.button);
  const button = edit.select ? find(edit.button) : null;
  if (!target || (edit.select && !button)) return done({ missing: edit.box ?? edit.select ?? edit.button });
  if (edit.box && target.value === edit.text) return done({ same: true });
  const before = watched.outerHTML;
  let started = 0;
  const seen = new MutationObserver(() => {
    if (watched.outerHTML === before) return;
    const ms = performance.now() - started;
    seen.disconnect();
    clearTimeout(timer);
    // The call to Rust that brought the change: the latest one answered since the event.
    const calls = ['ipc preview_plan_edit', 'ipc edit_work_plan', 'ipc update_rollout']
      .flatMap((name) => performance.getEntriesByName(name))
      .filter((m) => m.startTime >= started && m.startTime + m.duration <= started + ms)
      .sort((a, b) => a.startTime + a.duration - (b.startTime + b.duration));
    const call = calls.at(-1);
    const asked = call ? call.startTime - started : NaN;
    const answered = call ? asked + call.duration : NaN;
    requestAnimationFrame(() => setTimeout(() => done({ ms, painted: performance.now() - started, asked, answered }), 0));
  });
  const timer = setTimeout(() => {
    seen.disconnect();
    done({ timeout: true });
  }, 30000);
  seen.observe(watched, { subtree: true, childList: true, characterData: true, attributes: true });
  if (edit.box) {
    target.value = edit.text;
    started = performance.now();
    target.dispatchEvent(new Event('input', { bubbles: true }));
  } else if (edit.select) {
    target.value = edit.value;
    target.dispatchEvent(new Event('change', { bubbles: true }));
    started = performance.now();
    button.click();
  } else {
    started = performance.now();
    target.click();
  }
`;

// Runs in the page: a task of the work plan (a bar, not a milestone) and another that finishes
// after the task starts, so waiting for it moves the task later and removing the wait moves it
// back. The other starts earlier, so it cannot be waiting for the task (no circle).
const PICK_PAIR = `
  const bars = [...document.querySelectorAll('[data-testid=gantt-task]')].map((g) => ({
    title: g.dataset.title, start: g.dataset.start, finish: g.dataset.finish, bar: g.querySelector('.bar') !== null,
  }));
  for (const task of bars.filter((b) => b.bar && b.title.startsWith('Work package'))) {
    const other = bars.find((b) => b.start < task.start && b.finish > task.start && b.title.startsWith('Work package'));
    if (other) return { task: task.title, other: other.title };
  }
  return null;
`;

/**
 * Two tasks for PICK_PAIR. The chart draws only the rows near its view, and the large plan's
 * first rows all start on its first day: the chart is scrolled down until two drawn rows fit.
 */
async function pickPair(session) {
  for (let step = 0; step < 40; step += 1) {
    const pair = await session.run(PICK_PAIR);
    if (pair) return pair;
    const moved = await session.run(`
      const frame = document.querySelector('[data-testid=gantt] .frame');
      const before = frame.scrollTop;
      frame.scrollTop = before + frame.clientHeight;
      frame.dispatchEvent(new Event('scroll'));
      return frame.scrollTop !== before;
    `);
    if (!moved) break;
    await sleep(200);
  }
  throw new Error('no two tasks of the large plan overlap');
}

/** Numbers for a box: every one differs from the one before it, and from `current`. */
function cycle(values, current) {
  const left = values.filter((v) => Number(v) !== current);
  return (i) => left[i % left.length];
}

const gantt = (title) => `[data-testid=gantt-task][data-title="${title}"]`;

/**
 * Each kind of edit: where it is made and the figure watched. `box` kinds type the numbers of
 * `values` in turn; the work plan kinds open a task of the large plan first.
 */
const KINDS = [
  {
    name: 'target uptake rate',
    tab: 'rollout',
    box: '[name="uptake.targetRatePct"]',
    figure: '[data-testid=key-figures]',
    values: Array.from({ length: 40 }, (_, i) => (2 + i * 0.1).toFixed(1)),
  },
  {
    name: 'licence cost per learner',
    tab: 'rollout',
    box: '[name="budget.licenceCostPerLearner"]',
    figure: '[data-testid=key-figures]',
    values: Array.from({ length: 60 }, (_, i) => String(60 + i * 5)),
  },
  {
    name: "a credential's learning hours",
    tab: 'rollout',
    open: '[data-testid=credential] button.credential-row',
    box: '[name="credentials.0.learningHours"]',
    figure: '[data-testid=credit-table]',
    values: Array.from({ length: 50 }, (_, i) => String(80 + i * 2)),
  },
  {
    name: "a task's length in weeks",
    tab: 'workplan',
    box: '[data-testid=task-editor] [name="durationWeeks"]',
    values: Array.from({ length: 12 }, (_, i) => String(i + 1)),
  },
];

function percentile(sorted, p) {
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

/** Prints one kind's figures as soon as they are measured: to the change, and to its frame. */
function report(name, times) {
  const ms = (v) => `${v.toFixed(1).padStart(6)} ms`;
  const figures = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `p50 ${ms(percentile(sorted, 0.5))}   p95 ${ms(percentile(sorted, 0.95))}   max ${ms(sorted.at(-1))}`;
  };
  console.log(
    `${name.padEnd(32)} ${String(times.length).padStart(3)} edits   ${figures(times.map((t) => t.ms))}` +
      `   |   painted ${figures(times.map((t) => t.painted))}`,
  );
  // Where the time went, as medians of each edit's parts: until the window asked Rust, Rust's
  // answer (its work, the way there and back, reading the answer), the page's own work until
  // the figure changed, and the browser's style, layout and paint until the frame was drawn.
  const timed = times.filter((t) => Number.isFinite(t.asked));
  if (timed.length === 0) return;
  const median = (values) => percentile([...values].sort((a, b) => a - b), 0.5).toFixed(1);
  console.log(
    `${''.padEnd(32)}     medians: to asking Rust ${median(timed.map((t) => t.asked))} ms, Rust's answer ` +
      `${median(timed.map((t) => t.answered - t.asked))} ms, page to the change ` +
      `${median(timed.map((t) => t.ms - t.answered))} ms, to the painted frame ${median(timed.map((t) => t.painted - t.ms))} ms`,
  );
}

/** One edit, measured to the change and to its painted frame; throws, naming the kind, when
 * the figure never follows. */
async function timed(session, name, edit, figure) {
  const answer = await session.runAsync(EDIT_IN_PAGE, edit, figure);
  if (answer.missing) throw new Error(`${name}: ${answer.missing} is not on the page`);
  if (answer.same) throw new Error(`${name}: ${edit.text} is already in the box`);
  if (answer.timeout) throw new Error(`${name}: the figure did not change within 30 s`);
  return { ms: answer.ms, painted: answer.painted, asked: answer.asked, answered: answer.answered };
}

async function openTask(session, title) {
  await session.waitFor(gantt(title));
  await session.run(
    "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', { bubbles: true }))",
    gantt(title),
  );
  await session.waitFor('[data-testid=task-editor]');
}

async function measure(session, kind, figure) {
  if (kind.open) await session.click(kind.open);
  await session.waitFor(kind.box);
  // The box is in view, as it is for a dean typing in it (the work plan's editor scrolls its
  // task into view when it opens).
  if (kind.tab === 'rollout') {
    await session.run("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", kind.box);
    await sleep(300);
  }
  const current = await session.run(
    "return Number(document.querySelector(arguments[0]).value.replace(/[^0-9.]/g, ''))",
    kind.box,
  );
  const text = cycle(kind.values, current);
  const times = [];
  for (let i = 0; i < WARM_UP + EDITS; i += 1) {
    const time = await timed(session, kind.name, { box: kind.box, text: text(i) }, figure);
    if (i >= WARM_UP) times.push(time);
    await sleep(PAUSE_MS);
  }
  await session.waitSaved();
  report(kind.name, times);
}

/** Adds a dependency to the open task and removes it again, each edit measured. */
async function measureDependencies(session, task, other) {
  const added = [];
  const removed = [];
  const optionOf = await session.run(
    'return [...document.querySelectorAll("#dependency-choice option")].find((o) => o.textContent.trim() === arguments[0])?.value',
    other,
  );
  if (!optionOf) throw new Error(`"${other}" is not among the tasks to wait for`);
  const remove = `[data-testid=task-editor] [data-testid=waits-for] button`;
  for (let i = 0; i < WARM_UP + EDITS; i += 1) {
    const add = { select: '#dependency-choice', value: optionOf, button: '[data-testid=add-dependency]' };
    const a = await timed(session, 'add a dependency', add, gantt(task));
    await session.waitFor(remove);
    await sleep(PAUSE_MS);
    const r = await timed(session, 'remove a dependency', { button: remove, named: other }, gantt(task));
    if (i >= WARM_UP) {
      added.push(a);
      removed.push(r);
    }
    await session.waitSaved();
    await sleep(PAUSE_MS);
  }
  report('add a dependency', added);
  report('remove a dependency', removed);
}

async function main() {
  addLargePlan();
  const port = await freePort();
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(await freePort())], {
    env: { ...process.env, MCPLAN_DB: db, XDG_DATA_HOME: join(dir, 'xdg'), LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
    stdio: 'ignore',
  });
  let session;
  try {
    session = await Session.start(port);
    await session.click('[data-testid=plan-item]');
    console.log(`From the input event to the updated figure, in the page's clock, large plan:`);
    if (TAB !== 'workplan') {
      await session.click('[data-testid=tab-rollout]');
      await session.waitFor('[data-testid=key-figures]');
      for (const kind of KINDS.filter((k) => k.tab === 'rollout')) await measure(session, kind, kind.figure);
    }
    if (TAB === 'rollout') return;

    await session.click('[data-testid=tab-workplan]');
    await session.waitFor('[data-testid=gantt-task]');
    const pair = await pickPair(session);
    await openTask(session, pair.task);
    for (const kind of KINDS.filter((k) => k.tab === 'workplan')) await measure(session, kind, gantt(pair.task));
    await measureDependencies(session, pair.task, pair.other);
  } finally {
    await session?.end().catch(() => undefined);
    // SIGTERM, not SIGKILL: tauri-driver then stops WebKitWebDriver too.
    driver.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
