/** The open-data page's list of API endpoints: every endpoint it lists has its purpose written in each language. */
import { describe, expect, it } from 'vitest';
import { ENDPOINT_PURPOSES } from '../../src/i18n/data-strings';
import { LOCALES } from '../../src/i18n/locales';
import { ENDPOINTS } from '../../src/lib/api/openapi';

describe('ENDPOINT_PURPOSES', () => {
  it('has every endpoint of /data in English, Thai and Indonesian (never the English summary on a Thai or Indonesian page)', () => {
    for (const locale of LOCALES) {
      const missing = ENDPOINTS.map((e) => e.operationId).filter((id) => !ENDPOINT_PURPOSES[locale][id]);
      expect(missing, locale).toEqual([]);
    }
    for (const { operationId } of ENDPOINTS) {
      expect(ENDPOINT_PURPOSES.th[operationId], operationId).toMatch(/[\u0E00-\u0E7F]/);
      expect(ENDPOINT_PURPOSES.id[operationId], operationId).not.toBe(ENDPOINT_PURPOSES.en[operationId]);
    }
  });
});
