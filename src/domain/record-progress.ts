/**
 * An instrument's progress over time as the record counts it: parties that signed, domestic
 * steps recorded (steps at home, never treaty actions) and deposits the depositary records
 * (the entry-into-force count), or, for a political instrument, parties that joined. Pure.
 */

/** One dated point of the cumulative counts. */
export interface RecordPoint {
  date: string;
  signatures: number;
  domesticSteps: number;
  deposits: number;
  joined: number;
}

/** What is counted: each row dated (undated rows and rows after `asOf` are left out). */
export interface RecordInput {
  /** Signature actions, one per party and date (a party is counted once, on its first). */
  signatures: readonly { partySlug: string; actedOn: string | null }[];
  /** Domestic steps recorded on the way to a deposit. */
  domesticSteps: readonly { takenOn: string | null }[];
  /** Deposits that count towards entry into force (one per party). */
  deposits: readonly { partySlug: string; actedOn: string | null }[];
  /** Any action joining the instrument (signature, consent, membership), for instruments without a rule. */
  joins: readonly { partySlug: string; actedOn: string | null }[];
}

/** The series, and how many dates have an observation (the point at `asOf` is not one unless something happened that day). */
export interface RecordProgress {
  points: RecordPoint[];
  observations: number;
  /** True when the last point only carries the counts forward to `asOf`. */
  extendedToAsOf: boolean;
}

/** Cumulative counts on every date something happened, then a last point on `asOf` carrying them forward. */
export function recordProgress(input: RecordInput, asOf: string): RecordProgress {
  type Event = { date: string; kind: 'signature' | 'step' | 'deposit' | 'join'; party: string | null };
  const raw: (Omit<Event, 'date'> & { date: string | null })[] = [
    ...input.signatures.map((s) => ({ date: s.actedOn, kind: 'signature' as const, party: s.partySlug })),
    ...input.domesticSteps.map((s) => ({ date: s.takenOn, kind: 'step' as const, party: null })),
    ...input.deposits.map((d) => ({ date: d.actedOn, kind: 'deposit' as const, party: d.partySlug })),
    ...input.joins.map((j) => ({ date: j.actedOn, kind: 'join' as const, party: j.partySlug })),
  ];
  const events = raw
    .filter((e): e is Event => e.date !== null && e.date <= asOf)
    .sort((a, b) => a.date.localeCompare(b.date));

  const signed = new Set<string>();
  const deposited = new Set<string>();
  const joined = new Set<string>();
  let steps = 0;
  const points: RecordPoint[] = [];
  for (const e of events) {
    if (e.kind === 'signature') signed.add(e.party!);
    else if (e.kind === 'deposit') deposited.add(e.party!);
    else if (e.kind === 'join') joined.add(e.party!);
    else steps += 1;
    const point = { date: e.date, signatures: signed.size, domesticSteps: steps, deposits: deposited.size, joined: joined.size };
    if (points.at(-1)?.date === e.date) points[points.length - 1] = point;
    else points.push(point);
  }
  const observations = points.length;
  const last = points.at(-1);
  const extendedToAsOf = last !== undefined && last.date < asOf;
  if (last && extendedToAsOf) points.push({ ...last, date: asOf });
  return { points, observations, extendedToAsOf };
}
