/** The Atom writer and the SVG badge: escaping, dates and well-formedness, checked by a real XML parser. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderAtom, toAtomDate } from '../../src/domain/atom';
import { renderBadge, textWidth } from '../../src/domain/badge';
import { escapeXml } from '../../src/domain/xml';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (n) => n === 'entry' || n === 'link' });

describe('escapeXml', () => {
  it('escapes the five special characters and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
    expect(escapeXml('bell\u0007 nul\u0000 tab\t ok \uFFFE lone\uD800 ไทย 😀')).toBe('bell nul tab\t ok  lone ไทย 😀');
  });
});

describe('renderAtom', () => {
  const hostile = `]]><evil attr="1">&amp;\u0001 "quotes" 'apos' ไทย`;
  const xml = renderAtom({
    id: 'https://m.example/feed.xml',
    title: hostile,
    subtitle: 'Sub',
    updated: '2026-01-02T03:04:05Z',
    selfLink: 'https://m.example/feed.xml?a=1&b=2',
    alternateLink: 'https://m.example/',
    lang: 'th-TH',
    authorName: 'Monitor',
    rights: 'CC BY 4.0',
    entries: [
      {
        id: 'https://m.example/parties/tha#assessment-1',
        title: hostile,
        updated: '2026-01-02T03:04:05Z',
        published: '2026-01-02T03:04:05Z',
        link: 'https://m.example/parties/tha?as_of=2026-01-01&x=<y>#assessment-1',
        authorName: 'A & B <c>',
        summary: hostile,
        categories: [{ term: 'limited', label: 'Limited "progress"', scheme: 'https://m.example/methodology' }],
      },
    ],
  });

  it('is well-formed, and every text and attribute reads back as written (minus illegal characters)', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    const clean = hostile.replace('\u0001', '');
    expect(feed.title['#text']).toBe(clean);
    expect(feed['@_xml:lang']).toBe('th-TH');
    expect(feed.link[0]['@_href']).toBe('https://m.example/feed.xml?a=1&b=2');
    const entry = feed.entry[0];
    expect(entry.summary['#text']).toBe(clean);
    expect(entry.author.name).toBe('A & B <c>');
    expect(entry.link[0]['@_href']).toBe('https://m.example/parties/tha?as_of=2026-01-01&x=<y>#assessment-1');
    expect(entry.category['@_label']).toBe('Limited "progress"');
  });

  it('writes RFC 3339 dates in UTC without fractions', () => {
    expect(toAtomDate('2026-01-02')).toBe('2026-01-02T00:00:00Z');
    expect(toAtomDate('2026-01-02T03:04:05.678Z')).toBe('2026-01-02T03:04:05Z');
    expect(toAtomDate('2026-01-02T10:04:05+07:00')).toBe('2026-01-02T03:04:05Z');
  });
});

describe('renderBadge', () => {
  it('is well-formed SVG with an accessible title, widened for longer text, Thai marks taking no width', () => {
    const svg = renderBadge({ label: 'BJS Monitor · THA', value: '52% · cov. 18%', title: 'Thailand: <52%> & more', lang: 'en-GB', valueColor: '#0b5cad', valueTextColor: '#ffffff' });
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg;
    expect(root['@_role']).toBe('img');
    expect(root['@_aria-labelledby']).toBe('badge-title');
    expect(root.title['#text']).toBe('Thailand: <52%> & more');
    expect(svg).not.toContain('<style');
    expect(textWidth('ครอบคลุม')).toBe(textWidth('ครอบคลม') );
    expect(textWidth('100% · cov. 100%')).toBeGreaterThan(textWidth('0% · cov. 0%'));
  });
});
