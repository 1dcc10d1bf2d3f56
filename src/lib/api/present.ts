/** Turns database rows into the API's shapes (see schemas.ts): nested sources, texts in both languages, links. */
import type { Confidence } from '../../domain/vocabulary';
import type { TreatyStatement } from '../../domain/content-schema';
import { isExactSource } from '../../domain/data-quality';
import { parseStatements } from '../treaty-statements';
import type { EntryIntoForce } from '../../domain/entry-into-force';
import type { CommitmentRecord, EvidenceItem } from '../server/queries/scorecard';
import type { InstrumentRecord } from '../server/queries/instruments';
import type { PartyRecord } from '../server/queries/parties';
import type { CommitmentBody, PartyBody, SourceBody } from './schemas';

/** The API's own base path. */
export const API_BASE = '/api/v1';

/** The source fields every fact row carries. */
export function presentSource(row: { sourceUrl: string; sourcePublisher: string; confidence: Confidence; note: string | null; checkedOn?: string | null }): SourceBody {
  return { url: row.sourceUrl, publisher: row.sourcePublisher, confidence: row.confidence, note: row.note, checkedOn: row.checkedOn ?? null, exactSource: isExactSource(row.sourceUrl) };
}

/** Reservations or declarations as stored (a JSON array, or null) for the API. */
export function presentStatements(json: string | null): TreatyStatement[] {
  return parseStatements({ reservations: json, declarations: null });
}

/** A text in both languages. */
export function localized(en: string, th: string | null): { en: string; th: string | null } {
  return { en, th };
}

export function presentParty(p: PartyRecord): PartyBody {
  return {
    code: p.slug,
    kind: p.kind,
    name: localized(p.nameEn, p.nameTh),
    region: p.region,
    iso3: p.iso3,
    iso2: p.iso2,
    isoNumeric: p.isoNumeric,
    aseanMemberSince: p.aseanMemberSince,
    aseanObserverSince: p.aseanObserverSince,
    source: presentSource(p),
    links: { self: `${API_BASE}/parties/${p.slug}`, html: `/parties/${p.slug}` },
  };
}

export function presentInstrument(i: InstrumentRecord) {
  return {
    slug: i.slug,
    shortName: i.shortName,
    title: localized(i.titleEn, i.titleTh),
    summary: localized(i.summaryEn, i.summaryTh),
    type: i.type,
    legalForce: i.legalForce,
    adoptedOn: i.adoptedOn,
    adoptedPlace: i.adoptedPlace,
    openedForSignatureOn: i.openedForSignatureOn,
    rule:
      i.eifThreshold === null
        ? null
        : {
            threshold: i.eifThreshold,
            delayDays: i.eifDelayDays ?? 0,
            laterPartyDelayDays: i.eifLaterPartyDelayDays,
            regionalOrgsCountExtra: i.eifRegionalOrgsCountExtra,
            enteredIntoForceOn: i.enteredIntoForceOn,
            note: i.eifRuleNote,
          },
    source: presentSource(i),
    links: { self: `${API_BASE}/instruments/${i.slug}`, html: `/instruments/${i.slug}` },
  };
}

export function presentEntryIntoForce(eif: EntryIntoForce | null) {
  if (!eif) return null;
  return {
    status: eif.status,
    threshold: eif.threshold,
    signatories: eif.signatories,
    counted: eif.counted,
    stillNeeded: eif.stillNeeded,
    thresholdReachedOn: eif.thresholdReachedOn,
    entryIntoForceOn: eif.entryIntoForceOn,
    projected: eif.projected,
    qualifying: eif.qualifying.map((q) => ({ party: q.partySlug, actedOn: q.actedOn })),
    reportedNotDeposited: eif.reportedNotDeposited.map((r) => ({ party: r.partySlug, action: r.action, actedOn: r.actedOn })),
  };
}

export function presentCommitment(c: CommitmentRecord): CommitmentBody {
  return {
    code: c.code,
    instrument: c.instrumentSlug,
    reference: c.reference,
    title: localized(c.titleEn, c.titleTh),
    summary: localized(c.summaryEn, c.summaryTh),
    theme: c.theme,
    applicability: c.applicability,
    partyKinds: c.partyKinds,
    pledgeParty: c.pledgePartySlug,
    dueOn: c.dueOn,
    parentCode: c.parentCode,
    source: presentSource(c),
  };
}

/** A piece of evidence with its own provenance: how sure the monitor is of what it states, and the day it was last read. */
export function presentEvidence(e: EvidenceItem) {
  return { id: e.id, url: e.url, title: e.title, publisher: e.publisher, publishedOn: e.publishedOn, grade: e.grade, confidence: e.confidence ?? null, checkedOn: e.checkedOn ?? null };
}
