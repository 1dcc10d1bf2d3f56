import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scoreColor } from '../../src/lib/colors';
import { compactPath, normalizeIsoNumeric, renderWorldMap, type MapEntry } from '../../src/lib/world-map';

function entry(isoNumeric: string, label: string, score: number | null): MapEntry {
  return {
    isoNumeric,
    label,
    href: `/parties/${label.toLowerCase().replace(/\W+/g, '-')}`,
    score,
    fill: scoreColor(score),
    summary: score === null ? `${label}: not rated` : `${label}: score ${Math.round(score * 100)}%, coverage 40%`,
  };
}

/** Absolute vertices of compacted path data (M x,y l dx,dy ... z), for checking geometry. */
function vertices(d: string): [number, number][] {
  const points: [number, number][] = [];
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  let command = '';
  let x = 0;
  let y = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (/^[a-zA-Z]$/.test(t)) {
      command = t;
      continue;
    }
    const a = Number(t);
    const b = Number(tokens[++i]);
    if (command === 'M') [x, y] = [a, b];
    else if (command === 'l') [x, y] = [x + a, y + b];
    else throw new Error(`unexpected command ${command}`);
    points.push([x, y]);
  }
  return points;
}

const ASEAN = [
  entry('764', 'Thailand', 0.67),
  entry('704', 'Viet Nam', 0.5),
  entry('116', 'Cambodia', 0.2),
  entry('418', 'Lao PDR', null),
  entry('104', 'Myanmar', 0.1),
  entry('458', 'Malaysia', 0.8),
  entry('360', 'Indonesia', 0.45),
  entry('608', 'Philippines', 0.6),
  entry('96', 'Brunei', 0.3),
  entry('702', 'Singapore', 0.9),
];

describe('renderWorldMap', () => {
  it('draws Thailand with its fill and summary', () => {
    const map = renderWorldMap([entry('764', 'Thailand', 0.67)], {});
    expect(map.viewBox).toBe('0 0 960 480');
    expect(map.shapes).toHaveLength(1);
    const [thailand] = map.shapes;
    expect(thailand!.isoNumeric).toBe('764');
    expect(thailand!.entry.fill).toBe(scoreColor(0.67));
    expect(thailand!.entry.summary).toBe('Thailand: score 67%, coverage 40%');
    expect(thailand!.d).toMatch(/^M[\d.]+,[\d.]+l/);
    // Thailand sits in South-East Asia: right of centre, a little above the middle.
    const pts = vertices(thailand!.d);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    expect(Math.min(...xs)).toBeGreaterThan(700);
    expect(Math.max(...xs)).toBeLessThan(800);
    expect(Math.min(...ys)).toBeGreaterThan(150);
    expect(Math.max(...ys)).toBeLessThan(300);
    expect(map.missing).toEqual([]);
  });

  it('lists unknown codes and countries too small for the atlas as missing', () => {
    const unknown = entry('999', 'Nowhere', 0.1);
    const singapore = entry('702', 'Singapore', 0.9);
    const map = renderWorldMap([entry('764', 'Thailand', 0.67), unknown, singapore], {});
    expect(map.shapes.map((s) => s.isoNumeric)).toEqual(['764']);
    expect(map.missing).toEqual([unknown, singapore]);
    for (const code of ['462', '520', '585', '048', '010']) {
      expect(renderWorldMap([entry(code, code, 0.5)], {}).missing).toHaveLength(1);
    }
  });

  it('zero-pads short codes and keeps entry order, with repeats listed as missing', () => {
    expect(normalizeIsoNumeric('96')).toBe('096');
    expect(normalizeIsoNumeric(36)).toBe('036');
    const again = entry('764', 'Thailand (again)', 0.1);
    const map = renderWorldMap([...ASEAN, again], {});
    expect(map.shapes.map((s) => s.entry.label)).toEqual(ASEAN.filter((e) => e.label !== 'Singapore').map((e) => e.label));
    expect(map.shapes.find((s) => s.entry.label === 'Brunei')!.isoNumeric).toBe('096');
    expect(map.missing.map((e) => e.label)).toEqual(['Singapore', 'Thailand (again)']);
  });

  it('leaves countries with entries out of the background', () => {
    const none = renderWorldMap([], {});
    const map = renderWorldMap(ASEAN, {});
    expect(map.background).toHaveLength(none.background.length - map.shapes.length);
    for (const shape of map.shapes) {
      expect(map.background).not.toContain(shape.d);
      expect(none.background).toContain(shape.d);
    }
  });

  it('keeps the whole world under 40 KB of path data, simplified, with every country the atlas draws', () => {
    const map = renderWorldMap([], {});
    const all = map.background.join('');
    const raw = Buffer.byteLength(all);
    const gzipped = gzipSync(all).length;
    console.log(`world map path data: ${map.background.length} countries, ${raw} bytes raw, ${gzipped} bytes gzipped`);
    // Simplified (the atlas as it is takes 63 KB): fewer points for the browser to lay out.
    expect(raw).toBeLessThan(40_000);
    // No country is lost to the simplification: the smallest (Palestine, Vanuatu) are drawn as they are.
    expect(map.background).toHaveLength(176);
    const small = renderWorldMap([entry('275', 'Palestine', 0.5), entry('548', 'Vanuatu', null)], {});
    expect(small.missing).toEqual([]);
    for (const shape of small.shapes) expect(vertices(shape.d).length).toBeGreaterThanOrEqual(3);
    // Every vertex lies inside the viewBox.
    for (const d of map.background) {
      for (const [x, y] of vertices(d)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(960);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(480);
      }
    }
  });

  it('fits other sizes', () => {
    const map = renderWorldMap([entry('764', 'Thailand', 0.5)], { width: 600, height: 300 });
    expect(map.viewBox).toBe('0 0 600 300');
    const xs = map.background.flatMap((d) => vertices(d).map((p) => p[0]));
    expect(Math.max(...xs)).toBeLessThanOrEqual(600);
    expect(Math.max(...xs)).toBeGreaterThan(580);
  });

  it('reuses the cached projection and background', () => {
    const first = renderWorldMap(ASEAN, {});
    const start = performance.now();
    const second = renderWorldMap(ASEAN, {});
    const elapsed = performance.now() - start;
    expect(second.background).toBe(first.background);
    expect(second.shapes[0]!.d).toBe(first.shapes[0]!.d);
    expect(elapsed).toBeLessThan(20);
    // The same set of countries in another order hits the same cache entry.
    expect(renderWorldMap([...ASEAN].reverse(), {}).background).toBe(first.background);
  });
});

describe('compactPath', () => {
  it('writes relative moves, drops repeated points and degenerate rings', () => {
    expect(compactPath('M10,10L12.34,10L12.3,10L12,15L10,10ZM1,1L1.01,1Z')).toBe('M10,10l2.3,0-.3,5z');
    expect(vertices(compactPath('M100.5,20L99.5,20.5L101,22Z'))).toEqual([
      [100.5, 20],
      [99.5, 20.5],
      [101, 22],
    ]);
  });

  it('leaves other commands alone', () => {
    const circle = 'M0,4.5a4.5,4.5 0 1,1 0,-9a4.5,4.5 0 1,1 0,9z';
    expect(compactPath(circle)).toBe(circle);
  });
});
