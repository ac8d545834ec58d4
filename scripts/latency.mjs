#!/usr/bin/env node
// How long the window takes to show the figures of an edit, on a large plan. It drives the real
// app through WebDriver (tauri-driver and WebKitWebDriver, as the end-to-end tests do), makes
// EDITS edits of each kind and prints p50/p95 from the input event to the updated figure on
// screen, both measured in the page's own clock: `performance.now()` just before the input event
// is dispatched, and again when a MutationObserver sees the figure's text change.
//
// Run on demand, never in `make test` (see README, "Speed"):
//   (cd ui && npm run build)
//   cargo build --release -p planner-app -p planner-cli
//   xvfb-run -a -s "-screen 0 1280x800x24" node scripts/latency.mjs target/release/micro-credential-planner
// `EDITS=20` makes fewer edits of each kind.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const app = resolve(process.argv[2] ?? process.env.MCPLAN_APP_BIN ?? '');
const EDITS = Number(process.env.EDITS ?? 50);
const WARM_UP = 3;
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

/**
 * The large plan: the sample stretched to 40 credentials over ten years of three terms,
 * launching over the first twenty terms, with 10,000 Monte Carlo draws (as the benchmarks'
 * large plan in planner-core).
 */
function addLargePlan() {
  const id = mcplan('demo').trim().split(/\s+/).at(-1);
  const detail = JSON.parse(mcplan('show', id, '--json'));
  const inputs = detail.plan.rollout;
  const portfolio = inputs.credentials;
  inputs.startDate = '2026-09-01';
  inputs.horizonYears = 10;
  inputs.uncertainty.draws = 10_000;
  inputs.credentials = Array.from({ length: 40 }, (_, i) => ({
    ...structuredClone(portfolio[i % portfolio.length]),
    title: `${portfolio[i % portfolio.length].title} (${i + 1})`,
    stacksInto: [],
    launchTerm: 3 + (i % 20),
  }));
  const file = join(dir, 'large-rollout.json');
  writeFileSync(file, JSON.stringify(inputs));
  mcplan('rollout', id, '--inputs', file);
  return id;
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

// Runs in the page: puts `text` in the box, dispatches its input event and answers the time,
// in the page's clock, until the figure's text changed (or `timeout`).
const EDIT_IN_PAGE = `
  const [box, text, figure, done] = arguments;
  const input = document.querySelector(box);
  const shown = document.querySelector(figure);
  if (!input || !shown) return done({ missing: !input ? box : figure });
  const before = shown.textContent;
  let started = 0;
  const seen = new MutationObserver(() => {
    if (shown.textContent === before) return;
    const ms = performance.now() - started;
    seen.disconnect();
    clearTimeout(timer);
    done({ ms });
  });
  const timer = setTimeout(() => {
    seen.disconnect();
    done({ timeout: true });
  }, 10000);
  seen.observe(shown, { subtree: true, childList: true, characterData: true });
  input.value = text;
  started = performance.now();
  input.dispatchEvent(new Event('input', { bubbles: true }));
`;

/** Each kind: the box edited, the figure watched, and the text of edit `i` (each different). */
const KINDS = [
  {
    name: 'target uptake rate',
    box: '[name="uptake.targetRatePct"]',
    figure: '[data-testid=key-figures]',
    text: (i) => (2 + (i % 40) * 0.1).toFixed(1),
  },
  {
    name: 'licence cost per learner',
    box: '[name="budget.licenceCostPerLearner"]',
    figure: '[data-testid=key-figures]',
    text: (i) => String(100 + (i % 60) * 5),
  },
  {
    name: "a credential's learning hours",
    box: '[name="credentials.0.learningHours"]',
    figure: '[data-testid=credit-table]',
    text: (i) => String(80 + (i % 50) * 2),
    open: '[data-testid=credential] button.credential-row',
  },
];

function percentile(sorted, p) {
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

async function measure(session, kind) {
  if (kind.open) await session.click(kind.open);
  await session.waitFor(kind.box);
  const times = [];
  for (let i = 0; i < WARM_UP + EDITS; i += 1) {
    const answer = await session.runAsync(EDIT_IN_PAGE, kind.box, kind.text(i), kind.figure);
    if (answer.missing) throw new Error(`${answer.missing} is not on the page`);
    if (answer.timeout) throw new Error(`${kind.name}: the figure did not change within 10 s`);
    if (i >= WARM_UP) times.push(answer.ms);
    await sleep(PAUSE_MS);
  }
  await session.waitSaved();
  times.sort((a, b) => a - b);
  return { kind: kind.name, edits: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1) };
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
    await session.click('[data-testid=tab-rollout]');
    await session.waitFor('[data-testid=key-figures]');
    const rows = [];
    for (const kind of KINDS) rows.push(await measure(session, kind));
    console.log(`\nFrom the input event to the updated figure, ${EDITS} edits each, large plan:`);
    for (const r of rows) {
      console.log(
        `  ${r.kind.padEnd(30)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   max ${r.max.toFixed(1).padStart(6)} ms`,
      );
    }
  } finally {
    await session?.end().catch(() => undefined);
    // SIGTERM, not SIGKILL: tauri-driver then stops WebKitWebDriver too.
    driver.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
