/**
 * Which requests show a fixed past day (and may be cached for a year), the permalink every
 * dated page offers, and Buddhist-era years on Thai pages.
 */
import { describe, expect, it } from 'vitest';
import { isShownOn } from '../../src/domain/scoring';
import { readAsOf, readDateParam } from '../../src/lib/request-params';
import { fixedDayOf, permalinkDayOf, permalinkOf } from '../../src/lib/server/fixed-view';

const TODAY = '2026-12-05';
const q = (query: string) => new URLSearchParams(query);

describe('readDateParam', () => {
  it('reads a Buddhist-era year on Thai pages only', () => {
    expect(readDateParam('2569-01-31', 'th')).toBe('2026-01-31');
    expect(readDateParam(' 2569-01-31 ', 'th')).toBe('2026-01-31');
    expect(readDateParam('2026-01-31', 'th')).toBe('2026-01-31');
    expect(readDateParam('2569-01-31', 'en')).toBe('2569-01-31');
    expect(readDateParam('junk', 'th')).toBe('junk');
  });

  it('readAsOf: a Thai Buddhist-era past day is historical; the same in English is a future day, so today', () => {
    expect(readAsOf(q('as_of=2569-11-30'), TODAY, 'th')).toEqual({ asOf: '2026-11-30', historical: true, invalid: null });
    expect(readAsOf(q('as_of=2569-11-30'), TODAY, 'en')).toEqual({ asOf: TODAY, historical: false, invalid: null });
  });
});

describe('fixedDayOf', () => {
  it('is the past as_of day of a page or API read that takes it', () => {
    for (const path of ['/', '/parties', '/parties/tha', '/instruments', '/instruments/actip-2015', '/themes/law-enforcement', '/compare', '/embed/parties/tha', '/embed/parties/tha.svg', '/api/v1/parties', '/api/v1/parties/tha', '/api/v1/instruments', '/api/v1/instruments/actip-2015', '/api/v1/assessments']) {
      expect(fixedDayOf(path, q('as_of=2026-01-31'), 'en', TODAY), path).toBe('2026-01-31');
    }
  });

  it('is null for today, a future day, junk, no as_of, and paths that take none', () => {
    expect(fixedDayOf('/parties/tha', q(`as_of=${TODAY}`), 'en', TODAY)).toBeNull();
    expect(fixedDayOf('/parties/tha', q('as_of=2027-01-01'), 'en', TODAY)).toBeNull();
    expect(fixedDayOf('/parties/tha', q('as_of=2026-02-30'), 'en', TODAY)).toBeNull();
    expect(fixedDayOf('/parties/tha', q(''), 'en', TODAY)).toBeNull();
    for (const path of ['/methodology', '/conferences', '/parties/tha/feed.xml', '/data/assessments.csv', '/api/v1/assessments/12', '/feed.xml', '/workspace']) {
      expect(fixedDayOf(path, q('as_of=2026-01-31'), 'en', TODAY), path).toBeNull();
    }
  });

  it('fixes a "what changed" report by its end, when it names a start', () => {
    expect(fixedDayOf('/changes', q('party=tha&from=2026-01-01&to=2026-02-01'), 'en', TODAY)).toBe('2026-02-01');
    expect(fixedDayOf('/api/v1/changes', q('from=2026-01-01&to=2026-02-01'), 'en', TODAY)).toBe('2026-02-01');
    expect(fixedDayOf('/changes', q('from=2026-01-01'), 'en', TODAY)).toBeNull();
    expect(fixedDayOf('/changes', q('to=2026-02-01'), 'en', TODAY)).toBeNull();
    expect(fixedDayOf('/changes', q('from=2569-01-01&to=2569-02-01'), 'th', TODAY)).toBe('2026-02-01');
  });
});

describe('permalinks', () => {
  it('a cacheable permalink is `?as_of=` a past day alone', () => {
    expect(permalinkDayOf('/parties/tha', '?as_of=2026-01-31', TODAY)).toBe('2026-01-31');
    expect(permalinkDayOf('/th/parties/tha', '?as_of=2569-01-31', TODAY)).toBe('2026-01-31');
    expect(permalinkDayOf('/parties/tha', '?as_of=2026-01-31&x=1', TODAY)).toBeNull();
    expect(permalinkDayOf('/parties/tha', `?as_of=${TODAY}`, TODAY)).toBeNull();
    expect(permalinkDayOf('/methodology', '?as_of=2026-01-31', TODAY)).toBeNull();
  });

  it('every dated page links to the permalink of the day it shows; today when none was asked', () => {
    expect(permalinkOf('/parties/tha', q(''), 'en', TODAY)).toEqual({ day: TODAY, search: `?as_of=${TODAY}` });
    expect(permalinkOf('/parties/tha', q('as_of=2569-01-31'), 'th', TODAY)).toEqual({ day: '2026-01-31', search: '?as_of=2026-01-31' });
    expect(permalinkOf('/compare', q('parties=tha&parties=bgd'), 'en', TODAY)!.search).toBe(`?parties=tha&parties=bgd&as_of=${TODAY}`);
    expect(permalinkOf('/changes', q('party=tha&from=2026-01-01'), 'en', TODAY)!.search).toBe(`?party=tha&from=2026-01-01&to=${TODAY}`);
    expect(permalinkOf('/methodology', q(''), 'en', TODAY)).toBeNull();
  });
});

describe('isShownOn', () => {
  it('an assessment counts on a day when dated by then and published by its end (UTC)', () => {
    const a = { asOf: '2026-01-15', publishedAt: '2026-03-01T23:59:59.999Z' };
    expect(isShownOn(a, '2026-02-28')).toBe(false);
    expect(isShownOn(a, '2026-03-01')).toBe(true);
    expect(isShownOn({ asOf: '2026-03-02', publishedAt: '2026-03-01T10:00:00.000Z' }, '2026-03-01')).toBe(false);
    expect(isShownOn({ asOf: '2026-03-01', publishedAt: null }, '2026-03-01')).toBe(true);
  });
});
