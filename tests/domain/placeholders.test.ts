/** Translated strings split at their placeholders, so pages can put markup in their place. */
import { describe, expect, it } from 'vitest';
import { placeholderParts } from '../../src/i18n/placeholders';
import { pageParts } from '../../src/i18n/workspace-page-strings';
import { scorecardText } from '../../src/i18n/scorecard-strings';
import { LOCALES } from '../../src/i18n/locales';

describe('placeholderParts', () => {
  it('keeps the text around each placeholder and names the placeholder', () => {
    expect(placeholderParts('send {header} to {path}.')).toEqual(['send ', { name: 'header' }, ' to ', { name: 'path' }, '.']);
    expect(placeholderParts('{link}')).toEqual([{ name: 'link' }]);
    expect(placeholderParts('no placeholder')).toEqual(['no placeholder']);
    // Braces that are not a placeholder stay text.
    expect(placeholderParts('a { b } c')).toEqual(['a { b } c']);
  });

  it('finds the link of the scorecard\'s indicators note in every language, and the workspace strings alike', () => {
    for (const locale of LOCALES) {
      const parts = placeholderParts(scorecardText(locale, 'indicators.all'));
      expect(parts.filter((p) => typeof p !== 'string'), locale).toEqual([{ name: 'link' }]);
      expect(pageParts(locale, 'audit.lead').some((p) => typeof p !== 'string')).toBe(true);
    }
  });
});
