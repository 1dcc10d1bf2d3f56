/**
 * A world map drawn on the server: projects the Natural Earth 1:110m countries (world-atlas)
 * with d3-geo and returns SVG path data, so pages can inline the map without shipping any
 * JavaScript. Pure TypeScript (no Astro imports); the component is src/components/WorldMap.astro.
 *
 * The atlas is imported as JSON so that Vite bundles it into the server build (no node_modules
 * path is needed at runtime). Projected paths are computed once per map size and cached for
 * the life of the process.
 *
 * Antarctica is left out (it would take a fifth of the height and no state claims it); an entry
 * for it (010) is reported in `missing` like the small states the 110m atlas does not draw
 * (Singapore 702, Maldives 462, Nauru 520, Palau 585, Bahrain 048, ...).
 */
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' };

export interface MapEntry {
  /** ISO 3166-1 numeric code, three digits ("764" for Thailand); shorter codes are zero-padded. */
  isoNumeric: string;
  label: string;
  href: string;
  score: number | null;
  /** Fill colour, computed by the caller (see scoreColor in ./colors). */
  fill: string;
  /** Accessible text for the country, e.g. "Thailand: score 67%, coverage 40%". */
  summary: string;
}

export interface MapShape {
  isoNumeric: string;
  /** SVG path data in viewBox coordinates. */
  d: string;
  entry: MapEntry;
}

export interface WorldMapOptions {
  width?: number;
  height?: number;
}

export interface WorldMap {
  viewBox: string;
  /** Path data of the countries without an entry (one string per country). */
  background: string[];
  /** One shape per drawn entry, in the order of the entries (which is the keyboard tab order). */
  shapes: MapShape[];
  /** Entries whose country is not drawn at this scale, or that repeat a country already drawn. */
  missing: MapEntry[];
}

export const DEFAULT_WIDTH = 960;
export const DEFAULT_HEIGHT = 480;
const MARGIN = 4;
const ANTARCTICA = '010';

interface ProjectedCountry {
  /** Zero-padded numeric code, or null for features without one (Kosovo, N. Cyprus, Somaliland). */
  id: string | null;
  d: string;
}

interface ProjectedWorld {
  viewBox: string;
  countries: ProjectedCountry[];
  byId: Map<string, string>;
  /** Background arrays already computed for a set of entry codes (key: sorted codes). */
  backgrounds: Map<string, string[]>;
}

const MAX_BACKGROUNDS_PER_SIZE = 32;

/** Normalises a numeric code to the atlas form: three digits, zero-padded ("36" -> "036"). */
export function normalizeIsoNumeric(code: string | number): string {
  const s = String(code).trim();
  return /^\d{1,3}$/.test(s) ? s.padStart(3, '0') : s;
}

/**
 * Points whose triangle with their neighbours covers less than this many square degrees are
 * dropped (Visvalingam, topojson-simplify): about 2 px² on the 960 px map, invisible at any
 * size the page shows, and 40% fewer points for the browser to lay out (the map was most of the
 * home page's layout time). Shared borders stay shared: the topology is simplified, not each
 * country on its own.
 */
export const MIN_WEIGHT = 0.3;

let countriesCache: { simplified: Feature<Geometry>[]; full: Feature<Geometry>[] } | undefined;

/** Country features of the atlas, without Antarctica, simplified and as they are (parsed once per process). */
function countryFeatures(): { simplified: Feature<Geometry>[]; full: Feature<Geometry>[] } {
  if (!countriesCache) {
    const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;
    const features = (t: Topology<{ countries: GeometryCollection }>) =>
      (feature(t, t.objects.countries) as FeatureCollection<Geometry>).features.filter((f) => normalizeId(f.id) !== ANTARCTICA);
    // presimplify adds weights to a copy's arcs; the imported atlas is left as it is.
    const copy = JSON.parse(JSON.stringify(topology)) as Topology<{ countries: GeometryCollection }>;
    countriesCache = { simplified: features(simplify(presimplify(copy), MIN_WEIGHT) as Topology<{ countries: GeometryCollection }>), full: features(topology) };
  }
  return countriesCache;
}

function normalizeId(id: string | number | undefined): string | null {
  return id === undefined || id === null || id === '' ? null : normalizeIsoNumeric(id);
}

const worlds = new Map<string, ProjectedWorld>();

function projectedWorld(width: number, height: number): ProjectedWorld {
  const key = `${width}x${height}`;
  let world = worlds.get(key);
  if (world) return world;
  const { simplified, full } = countryFeatures();
  // Fitted to the whole atlas, so that the map's frame does not depend on the simplification.
  const collection: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: full };
  const projection = geoEqualEarth().fitExtent(
    [
      [MARGIN, MARGIN],
      [width - MARGIN, height - MARGIN],
    ],
    collection,
  );
  const path = geoPath(projection).digits(1);
  const countries: ProjectedCountry[] = [];
  const byId = new Map<string, string>();
  const draw = (g: Feature<Geometry>) => {
    const raw = path(g);
    return raw ? compactPath(raw) : '';
  };
  for (const [n, f] of simplified.entries()) {
    // A country too small to survive the simplification (Palestine, Vanuatu) is drawn as it is.
    const d = draw(f) || draw(full[n]!);
    if (!d) continue;
    const id = normalizeId(f.id);
    countries.push({ id, d });
    if (id !== null && !byId.has(id)) byId.set(id, d);
  }
  world = { viewBox: `0 0 ${width} ${height}`, countries, byId, backgrounds: new Map() };
  worlds.set(key, world);
  return world;
}

/** Formats a coordinate counted in tenths: 26 -> "2.6", -5 -> "-.5", 30 -> "3". */
function tenths(n: number): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  const whole = Math.floor(a / 10);
  const frac = a % 10;
  return sign + (frac === 0 ? String(whole) : `${whole === 0 ? '' : whole}.${frac}`);
}

/** Joins numbers with the fewest separators the SVG path grammar allows. */
function joinNumbers(numbers: string[]): string {
  let out = '';
  let prev = '';
  for (const n of numbers) {
    if (prev !== '' && !n.startsWith('-') && !(n.startsWith('.') && prev.includes('.'))) out += ',';
    out += n;
    prev = n;
  }
  return out;
}

/**
 * Rewrites the absolute M/L/Z path data that d3-geo emits as relative moves rounded to one
 * decimal, dropping points that round onto the previous one and rings that collapse to fewer
 * than three points. This roughly halves the size of the map. Path data with any other command
 * is returned unchanged.
 */
export function compactPath(d: string): string {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g);
  if (!tokens) return d;
  const rings: [number, number][][] = [];
  let ring: [number, number][] | null = null;
  let command = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (/^[a-zA-Z]$/.test(token)) {
      command = token;
      if (command === 'Z') ring = null;
      else if (command !== 'M' && command !== 'L') return d;
      continue;
    }
    const next = tokens[i + 1];
    if (next === undefined || /^[a-zA-Z]$/.test(next)) return d;
    i++;
    const point: [number, number] = [Math.round(Number(token) * 10), Math.round(Number(next) * 10)];
    if (command === 'M' || ring === null) {
      ring = [point];
      rings.push(ring);
      command = 'L';
    } else {
      const last = ring[ring.length - 1]!;
      if (last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
    }
  }
  let out = '';
  for (const r of rings) {
    const first = r[0]!;
    const last = r[r.length - 1]!;
    if (r.length > 1 && last[0] === first[0] && last[1] === first[1]) r.pop();
    if (r.length < 3) continue;
    const deltas: string[] = [];
    for (let k = 1; k < r.length; k++) {
      deltas.push(tenths(r[k]![0] - r[k - 1]![0]), tenths(r[k]![1] - r[k - 1]![1]));
    }
    out += `M${joinNumbers([tenths(first[0]), tenths(first[1])])}l${joinNumbers(deltas)}z`;
  }
  return out;
}

function positiveSize(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.round(value) : fallback;
}

/**
 * Projects the world for the given entries: each entry whose country is in the atlas becomes a
 * shape; the others (small states, unknown codes, repeats) are listed in `missing`; every other
 * country is background. Returned arrays are shared with the cache: do not mutate them.
 */
export function renderWorldMap(entries: MapEntry[], options: WorldMapOptions = {}): WorldMap {
  const width = positiveSize(options.width, DEFAULT_WIDTH);
  const height = positiveSize(options.height, DEFAULT_HEIGHT);
  const world = projectedWorld(width, height);

  const shapes: MapShape[] = [];
  const missing: MapEntry[] = [];
  const drawn = new Set<string>();
  for (const entry of entries) {
    const id = normalizeIsoNumeric(entry.isoNumeric);
    const d = world.byId.get(id);
    if (d === undefined || drawn.has(id)) {
      missing.push(entry);
      continue;
    }
    drawn.add(id);
    shapes.push({ isoNumeric: id, d, entry });
  }

  const key = [...drawn].sort().join(',');
  let background = world.backgrounds.get(key);
  if (!background) {
    background = world.countries.filter((c) => c.id === null || !drawn.has(c.id)).map((c) => c.d);
    if (world.backgrounds.size >= MAX_BACKGROUNDS_PER_SIZE) {
      const oldest = world.backgrounds.keys().next().value;
      if (oldest !== undefined) world.backgrounds.delete(oldest);
    }
    world.backgrounds.set(key, background);
  }

  return { viewBox: world.viewBox, background, shapes, missing };
}
