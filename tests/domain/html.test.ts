/** The auto-escaping `html` tag the scorecard's sections are rendered with: every interpolated value is escaped unless it is itself markup. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, Html, html, joinHtml, trustedHtml } from '../../src/lib/html';

describe('html', () => {
  it('escapes text in element content', () => {
    expect(html`<li>${'<script>alert(1)</script>'}</li>`.value).toBe('<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(html`<p>${'Tom & Jerry'}</p>`.value).toBe('<p>Tom &amp; Jerry</p>');
  });

  it('escapes quotes in attribute values, so a value cannot close its attribute', () => {
    expect(html`<a href="${'x" onmouseover="alert(1)'}">${"it's"}</a>`.value).toBe('<a href="x&quot; onmouseover=&quot;alert(1)">it&#39;s</a>');
    expect(html`<a href="${'/changes?party=tha&from=2026-01-01'}">x</a>`.value).toBe('<a href="/changes?party=tha&amp;from=2026-01-01">x</a>');
  });

  it('inserts nested results as they are, and escapes what they interpolate once', () => {
    const inner = html`<strong>${'a < b'}</strong>`;
    expect(html`<p>${inner} ${'&'}</p>`.value).toBe('<p><strong>a &lt; b</strong> &amp;</p>');
    expect(html`<div>${html`<p>${html`<em>${'"'}</em>`}</p>`}</div>`.value).toBe('<div><p><em>&quot;</em></p></div>');
  });

  it('renders arrays in order, nested arrays and mixed items included, escaping their strings', () => {
    expect(html`<ul>${['<a>', html`<li>b</li>`, [html`<li>c</li>`, 'd&']]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>b</li><li>c</li>d&amp;</ul>');
    expect(html`<ul>${[]}</ul>`.value).toBe('<ul></ul>');
  });

  it('renders null, undefined, false and true as nothing, and numbers (0 included) as written', () => {
    expect(html`<p>${null}${undefined}${false}${true}</p>`.value).toBe('<p></p>');
    expect(html`<p>${0}/${15} ${-1.5}</p>`.value).toBe('<p>0/15 -1.5</p>');
    const overdue = false as boolean;
    expect(html`<p>${overdue && html`<span>late</span>`}</p>`.value).toBe('<p></p>');
  });

  it('keeps non-ASCII text (Thai, dashes, quotes) as it is', () => {
    expect(html`<p lang="th">${'ไทย — “ok”'}</p>`.value).toBe('<p lang="th">ไทย — “ok”</p>');
  });

  it('treats a plain string as text even when it looks like markup: only Html is trusted', () => {
    const looksSafe = '<b>bold</b>';
    expect(html`${looksSafe}`.value).toBe('&lt;b&gt;bold&lt;/b&gt;');
    expect(html`${trustedHtml(looksSafe)}`.value).toBe('<b>bold</b>');
    expect(html`${new Html('<i>x</i>')}`).toBeInstanceOf(Html);
    expect(String(html`<i>${'x'}</i>`)).toBe('<i>x</i>');
  });

  it('joins many results into one flat result', () => {
    expect(joinHtml([html`<li>${'1'}</li>`, '<2>', null, 3]).value).toBe('<li>1</li>&lt;2&gt;3');
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters and returns other text unchanged', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    const plain = 'plain text';
    expect(escapeHtml(plain)).toBe(plain);
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
