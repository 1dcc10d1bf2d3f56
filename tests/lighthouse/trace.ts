/**
 * `npm run lighthouse:trace [-- --page /parties/tha] [--runs 3] [--devtools] [--save dir] [--json out.json]`
 *
 * What a page's long main-thread tasks are made of. Runs Lighthouse (mobile, like
 * `npm run lighthouse`) against the build in dist/ with its trace kept, finds the tasks on the
 * page's main thread, and sums the self time of every trace event inside them by name
 * (ParseHTML, UpdateLayoutTree, Layout, Paint, …; "RunTask" is time the trace names no further).
 * Lighthouse's default throttling is simulated: the trace is taken at full CPU speed and its
 * durations are multiplied by the 4x CPU slowdown for the score, so the figures here are the
 * traced milliseconds times 4 (`--devtools` throttles the CPU for real instead, and multiplies by 1).
 * A task counts as long at 50 ms after the multiplier, as Lighthouse counts it.
 * Prints, per page, the median run's long tasks with their main parts, and the sums per event
 * name over the long tasks and over all tasks. `--save` writes each kept trace as JSON
 * (open it in Chromium's DevTools, Performance, "Load profile").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse, { type Flags, type RunnerResult } from 'lighthouse';
import { startLighthouseTarget } from './setup';

const CPU_SLOWDOWN = 4;
const LONG_TASK_MS = 50;

const { values: args } = parseArgs({
  options: {
    page: { type: 'string', multiple: true },
    runs: { type: 'string', default: '3' },
    devtools: { type: 'boolean', default: false },
    save: { type: 'string' },
    json: { type: 'string' },
    categories: { type: 'string' },
  },
});
const pages = args.page?.length ? args.page : ['/parties/tha'];
const runs = Math.max(1, Number(args.runs) || 1);
const multiplier = args.devtools ? 1 : CPU_SLOWDOWN;


interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** One node of a task tree: an event, its time and its children's. */
interface Node {
  name: string;
  start: number;
  end: number;
  children: Node[];
}

/** The renderer main thread that ran the page: the CrRendererMain with the most ParseHTML time. */
function mainThreadOf(events: TraceEvent[]): { pid: number; tid: number } {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best = { pid: -1, tid: -1, parse: -1 };
  for (const m of mains) {
    const parse = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'ParseHTML').reduce((s, e) => s + (e.dur ?? 0), 0);
    if (parse > best.parse) best = { pid: m.pid, tid: m.tid, parse };
  }
  return best;
}

/**
 * The thread's event trees: complete events (X) and begin/end pairs (B/E) nested by time.
 * Roots are the top-level tasks (RunTask and its older names).
 */
function buildTrees(events: TraceEvent[], thread: { pid: number; tid: number }): Node[] {
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E'));
  // Turn B/E pairs into spans (matched per name on a stack, as the trace nests them).
  const spans: Node[] = [];
  const open: TraceEvent[] = [];
  for (const e of own.slice().sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') spans.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0), children: [] });
    else if (e.ph === 'B') open.push(e);
    else {
      const i = open.map((o) => o.name).lastIndexOf(e.name);
      if (i >= 0) {
        const [b] = open.splice(i, 1);
        spans.push({ name: b!.name, start: b!.ts, end: e.ts, children: [] });
      }
    }
  }
  // Parents before children: earlier start first, the longer of two that start together first.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const s of spans) {
    while (stack.length && stack[stack.length - 1]!.end < s.end) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && s.start >= parent.start && s.end <= parent.end) parent.children.push(s);
    else roots.push(s);
    stack.push(s);
  }
  return roots.filter((r) => r.end - r.start > 0);
}

/** Adds each event's self time (its time minus its children's), in ms, to `into`. */
function addSelfTimes(node: Node, into: Map<string, number>): void {
  const childTime = node.children.reduce((s, c) => s + (c.end - c.start), 0);
  into.set(node.name, (into.get(node.name) ?? 0) + Math.max(0, node.end - node.start - childTime) / 1000);
  for (const c of node.children) addSelfTimes(c, into);
}

const round = (n: number) => Math.round(n * multiplier);
const top = (m: Map<string, number>, n: number) =>
  [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).filter(([, ms]) => round(ms) > 0).map(([name, ms]) => `${name} ${round(ms)}`).join(', ');

interface PageReport {
  path: string;
  tbtMs: number;
  perf: number;
  longTasks: { startMs: number; durationMs: number; parts: Record<string, number> }[];
  longTaskSums: Record<string, number>;
  allTaskSums: Record<string, number>;
  totalMs: number;
}

const { server, chrome } = await startLighthouseTarget(pages);
const reports: PageReport[] = [];
try {
  for (const path of pages) {
    const results: RunnerResult[] = [];
    for (let i = 0; i < runs; i += 1) {
      const flags: Flags = {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        ...(args.devtools ? { throttlingMethod: 'devtools' as const } : {}),
        ...(args.categories ? { additionalTraceCategories: args.categories } : {}),
      };
      const result = await lighthouse(`${server.origin}${path}`, flags);
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      results.push(result);
    }
    results.sort((a, b) => (a.lhr.audits['total-blocking-time']?.numericValue ?? 0) - (b.lhr.audits['total-blocking-time']?.numericValue ?? 0));
    const kept = results[Math.floor(results.length / 2)]!;
    const trace = (kept.artifacts as unknown as { Trace: { traceEvents: TraceEvent[] } }).Trace;
    const thread = mainThreadOf(trace.traceEvents);
    const roots = buildTrees(trace.traceEvents, thread);
    const navStart = trace.traceEvents.find((e) => e.name === 'navigationStart' && e.pid === thread.pid)?.ts ?? roots[0]?.start ?? 0;
    const longSums = new Map<string, number>();
    const allSums = new Map<string, number>();
    const longTasks: PageReport['longTasks'] = [];
    let totalMs = 0;
    for (const r of roots) {
      const ms = (r.end - r.start) / 1000;
      totalMs += ms;
      addSelfTimes(r, allSums);
      if (ms * multiplier < LONG_TASK_MS) continue;
      const parts = new Map<string, number>();
      addSelfTimes(r, parts);
      addSelfTimes(r, longSums);
      longTasks.push({ startMs: Math.round((r.start - navStart) / 1000), durationMs: round(ms), parts: Object.fromEntries([...parts].sort((a, b) => b[1] - a[1]).filter(([, v]) => round(v) > 0).map(([k, v]) => [k, round(v)])) });
    }
    const report: PageReport = {
      path,
      tbtMs: Math.round(kept.lhr.audits['total-blocking-time']?.numericValue ?? 0),
      perf: Math.round((kept.lhr.categories.performance?.score ?? 0) * 100),
      longTasks,
      longTaskSums: Object.fromEntries([...longSums].sort((a, b) => b[1] - a[1]).filter(([, v]) => round(v) > 0).map(([k, v]) => [k, round(v)])),
      allTaskSums: Object.fromEntries([...allSums].sort((a, b) => b[1] - a[1]).filter(([, v]) => round(v) > 0).map(([k, v]) => [k, round(v)])),
      totalMs: round(totalMs),
    };
    reports.push(report);
    console.log(`\n${path}: performance ${report.perf}, TBT ${report.tbtMs} ms (median of ${runs} by TBT); main thread ${report.totalMs} ms in all (x${multiplier})`);
    for (const t of longTasks) console.log(`  long task at ${t.startMs} ms: ${t.durationMs} ms = ${top(new Map(Object.entries(t.parts).map(([k, v]) => [k, v / multiplier])), 8)}`);
    console.log(`  long tasks, summed: ${top(longSums, 14)}`);
    console.log(`  all tasks, summed:  ${top(allSums, 14)}`);
    if (args.save) {
      mkdirSync(args.save, { recursive: true });
      const file = join(args.save, `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.trace.json`);
      writeFileSync(file, JSON.stringify(trace));
      console.log(`  trace: ${file}`);
    }
  }
} finally {
  chrome.kill();
  await server.stop();
}
if (args.json) writeFileSync(args.json, JSON.stringify(reports, null, 2));
