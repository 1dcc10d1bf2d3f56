/**
 * `npm run lighthouse:ab -- --page /th/parties/tha --variant fonts2=.scratch/two-faces.html [--variant …] [--header fonts2='Link: <…>; rel=preload'] [--runs 8]`
 *
 * Compares versions of one page's HTML under Lighthouse (mobile, as `npm run lighthouse`) without
 * building each: the page as the build in dist/ serves it is run as "built", and every
 * `--variant name=file` is that file's HTML served at the same origin, gzipped, with the built
 * page's own response headers (Cross-Origin-Opener-Policy among them: it makes every load a new
 * renderer process, which changes the figures a lot). Everything else the HTML asks for (fonts,
 * images) comes from the built server. Save the built page with `curl`, edit it, run this.
 * The runs are interleaved (built, a, b, built, a, b, …) so that a change in the machine's load
 * falls on all versions alike; prints, per version, the median performance score, TBT and LCP
 * and every run's TBT. On a shared machine the spread between runs is large: read medians of
 * eight runs or more, and a difference below about 50 ms of TBT as none.
 * A variant's inline styles and scripts are not in the built page's CSP: the CSP header is left
 * off for variants (and for the built page as run here) so that all are measured alike.
 * `--header version=Name: value` adds a response header to one version (a `Link` preload, say);
 * `--header version=Name:` with no value takes the built page's header of that name off it.
 */
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import lighthouse, { type Flags } from 'lighthouse';
import { startLighthouseTarget } from './setup';

const { values: args } = parseArgs({
  options: {
    page: { type: 'string', default: '/th/parties/tha' },
    variant: { type: 'string', multiple: true, default: [] },
    runs: { type: 'string', default: '8' },
    header: { type: 'string', multiple: true, default: [] },
  },
});
const page = args.page;
const runs = Math.max(1, Number(args.runs) || 1);
const variants = new Map<string, Buffer>();
for (const spec of args.variant) {
  const at = spec.indexOf('=');
  if (at < 1) {
    console.error(`--variant ${spec}: write it as name=file.html`);
    process.exit(2);
  }
  variants.set(spec.slice(0, at), readFileSync(spec.slice(at + 1)));
}

const { server, chrome } = await startLighthouseTarget([page]);
const target = new URL(server.origin);
const built = await server.get(page, { headers: { 'accept-encoding': 'identity' } });
const builtHtml = Buffer.from(await built.arrayBuffer());
const pageHeaders: Record<string, string> = {};
built.headers.forEach((value, name) => {
  if (!['content-length', 'content-encoding', 'etag', 'content-security-policy', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'x-page-cache'].includes(name)) pageHeaders[name] = value;
});
const versions = new Map<string, Buffer>([['built', builtHtml], ...variants]);
// `--header name=Header-Name: value` adds a response header to one version (`built` included);
// `--header name=Header-Name:` with no value leaves the built page's header of that name off.
const extraHeaders = new Map<string, Record<string, string>>();
for (const spec of args.header) {
  const match = /^([^=]+)=([A-Za-z0-9-]+):\s*(.*)$/.exec(spec);
  if (!match || !versions.has(match[1]!)) {
    console.error(`--header ${spec}: write it as version=Header-Name: value, for a version that exists`);
    process.exit(2);
  }
  extraHeaders.set(match[1]!, { ...extraHeaders.get(match[1]!), [match[2]!.toLowerCase()]: match[3]! });
}

// One origin for all versions: /__ab/<name> is a version, anything else goes to the built server.
const proxy = createServer((req, res) => {
  const version = /^\/__ab\/([^/?]+)$/.exec(req.url ?? '');
  const html = version ? versions.get(version[1]!) : undefined;
  if (html) {
    const headers: Record<string, string> = { ...pageHeaders, ...extraHeaders.get(version![1]!), 'content-encoding': 'gzip', 'cache-control': 'no-store' };
    for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
    res.writeHead(200, headers);
    res.end(gzipSync(html));
    return;
  }
  const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
});
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

interface Run {
  performance: number;
  tbt: number;
  lcp: number;
}
const results = new Map<string, Run[]>([...versions.keys()].map((name) => [name, []]));
try {
  for (let i = 0; i < runs; i++) {
    for (const name of versions.keys()) {
      const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
      const result = await lighthouse(`${origin}/__ab/${name}`, flags);
      if (!result) throw new Error(`Lighthouse returned nothing for ${name}`);
      const audits = result.lhr.audits;
      results.get(name)!.push({
        performance: Math.round((result.lhr.categories.performance!.score ?? 0) * 100),
        tbt: Math.round(audits['total-blocking-time']!.numericValue ?? 0),
        lcp: Math.round(audits['largest-contentful-paint']!.numericValue ?? 0),
      });
    }
  }
} finally {
  proxy.close();
  chrome.kill();
  await server.stop();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${page}, ${runs} interleaved runs per version (medians):`);
for (const [name, list] of results) {
  console.log(`  ${name.padEnd(12)} performance ${median(list.map((r) => r.performance))}  TBT ${median(list.map((r) => r.tbt))} ms  LCP ${median(list.map((r) => r.lcp))} ms  (TBT of each run: ${list.map((r) => r.tbt).join(' ')})`);
}
