/** A fact's provenance as the scorecard's sections and SourceLink.astro write it: one function, escaped, in the page's language. */
import { describe, expect, it } from 'vitest';
import { NO_TRANSLATIONS, type DataTranslations } from '../../src/i18n/data-text';
import { renderSourceLink } from '../../src/lib/server/render/source-link';

const row = { sourceUrl: 'https://example.org/report?id=7&lang=en', sourcePublisher: 'Ministry "A" & <B>', confidence: 'confirmed' as const, note: null, checkedOn: '2026-11-23' };

describe('renderSourceLink', () => {
  it('links the exact source, escaping the address and the publisher, with confidence and the day checked', () => {
    expect(renderSourceLink('en', NO_TRANSLATIONS, row).value).toBe(
      '<span class="source" data-provenance="confirmed" data-exact="yes">Source: <a href="https://example.org/report?id=7&amp;lang=en" rel="external">Ministry &quot;A&quot; &amp; &lt;B&gt;</a> · confirmed in source · checked 23 Nov 2026</span>',
    );
  });

  it('says so when the source is a home page or missing', () => {
    const home = renderSourceLink('en', NO_TRANSLATIONS, { ...row, sourceUrl: 'https://example.org/', confidence: undefined, checkedOn: null }).value;
    expect(home).toContain('data-exact="no"');
    expect(home).toContain('(<em class="no-exact">exact source not recorded</em>)');
    const none = renderSourceLink('en', NO_TRANSLATIONS, { ...row, sourceUrl: '', confidence: undefined, checkedOn: null }).value;
    expect(none).toBe('<span class="source" data-provenance="" data-exact="no">Source: no source recorded</span>');
  });

  it('writes the note in the page language where translated, else in English marked lang="en"', () => {
    const note = 'Date not <recorded>.';
    const english = renderSourceLink('th', NO_TRANSLATIONS, { ...row, note }).value;
    expect(english).toContain('. <span lang="en">Date not &lt;recorded&gt;.</span></span>');
    expect(english).toContain('แหล่งที่มา: ');
    const indonesian: DataTranslations = { locale: 'id', bySource: new Map([[note, 'Tanggal tidak tercatat.']]) };
    expect(renderSourceLink('id', indonesian, { ...row, note }).value).toContain('. Tanggal tidak tercatat.</span>');
  });
});
