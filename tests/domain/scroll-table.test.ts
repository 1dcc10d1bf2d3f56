/** The scroll region around a wide table, as ScrollTable.astro and the scorecard's string-rendered sections write it: one function. */
import { describe, expect, it } from 'vitest';
import { NO_TRANSLATIONS } from '../../src/i18n/data-text';
import { scrollHint } from '../../src/i18n/phone-strings';
import { html } from '../../src/lib/html';
import { renderScrollTable } from '../../src/lib/server/render/scroll-table';
import { renderLocalText } from '../../src/lib/server/render/source-link';

const table = html`<table><tr><td>${'A & B'}</td></tr></table>`;

describe('renderScrollTable', () => {
  it('names the region by its label, escaped, with the hint in the page language', () => {
    expect(renderScrollTable('en', 'Scores "by" <party>', table).value).toBe(
      `<div class="scroll-table"><p class="scroll-hint" aria-hidden="true">${scrollHint('en')}</p><div class="table-scroll" role="region" tabindex="0" aria-label="Scores &quot;by&quot; &lt;party&gt;"><table><tr><td>A &amp; B</td></tr></table></div></div>`,
    );
    expect(renderScrollTable('th', 'x', table).value).toContain(`<p class="scroll-hint" aria-hidden="true">${scrollHint('th')}</p>`);
    expect(scrollHint('th')).not.toBe(scrollHint('en'));
  });

  it('names the region by a heading instead, and adds extra classes to the scroll box', () => {
    const markup = renderScrollTable('en', { labelledby: 'rated' }, table, 'heatmap-scroll').value;
    expect(markup).toContain('<div class="table-scroll heatmap-scroll" role="region" tabindex="0" aria-labelledby="rated">');
    expect(markup).not.toContain('aria-label=');
  });
});

describe('renderLocalText', () => {
  it('gives the page language its text as it is, and marks English on other pages', () => {
    expect(renderLocalText('en', NO_TRANSLATIONS, 'Royal Thai Police', 'ตำรวจ')).toBe('Royal Thai Police');
    expect(renderLocalText('th', NO_TRANSLATIONS, 'Royal Thai Police', 'ตำรวจ')).toBe('ตำรวจ');
    expect(String(renderLocalText('th', NO_TRANSLATIONS, 'A <b> & C'))).toBe('<span lang="en">A &lt;b&gt; &amp; C</span>');
  });
});
