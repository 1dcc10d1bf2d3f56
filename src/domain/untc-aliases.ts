/**
 * The UN Treaty Collection's spellings of participant names, mapped to the monitor's party
 * slugs (lower-case ISO 3166-1 alpha-3 for states, the organisation's slug otherwise). Only
 * names that do not already match a party's English name after normalisation
 * ({@link normaliseParticipantName}) need to be here; an alias whose party is not in the
 * database simply does not match. Former names the UN once used ("Czech Republic",
 * "Turkey", "Swaziland") are kept so that older copies of a table still match.
 */
export const UNTC_ALIASES: Readonly<Record<string, readonly string[]>> = {
  bol: ['Bolivia (Plurinational State of)', 'Bolivia'],
  bra: ['Brazil'],
  brn: ['Brunei Darussalam', 'Brunei'],
  civ: ["Côte d'Ivoire", 'Cote d Ivoire', 'Ivory Coast'],
  cod: ['Democratic Republic of the Congo', 'Congo (Democratic Republic of the)', 'DR Congo'],
  cog: ['Congo', 'Republic of the Congo'],
  cpv: ['Cabo Verde', 'Cape Verde'],
  cze: ['Czechia', 'Czech Republic'],
  fsm: ['Micronesia (Federated States of)', 'Micronesia'],
  gbr: ['United Kingdom of Great Britain and Northern Ireland', 'United Kingdom', 'UK'],
  irn: ['Iran (Islamic Republic of)', 'Iran'],
  kor: ['Republic of Korea', 'South Korea', 'Korea (Republic of)'],
  lao: ["Lao People's Democratic Republic", 'Lao PDR', 'Laos'],
  mda: ['Republic of Moldova', 'Moldova'],
  mkd: ['North Macedonia', 'The former Yugoslav Republic of Macedonia'],
  nld: ['Netherlands (Kingdom of the)', 'Kingdom of the Netherlands', 'Netherlands'],
  prk: ["Democratic People's Republic of Korea", 'North Korea'],
  pse: ['State of Palestine', 'Palestine'],
  rus: ['Russian Federation', 'Russia'],
  swz: ['Eswatini', 'Swaziland'],
  syr: ['Syrian Arab Republic', 'Syria'],
  tls: ['Timor-Leste', 'East Timor'],
  tur: ['Türkiye', 'Turkey'],
  tza: ['United Republic of Tanzania', 'Tanzania'],
  usa: ['United States of America', 'United States'],
  ven: ['Venezuela (Bolivarian Republic of)', 'Venezuela'],
  vnm: ['Viet Nam', 'Vietnam'],
  eu: ['European Union', 'European Community'],
  asean: ['Association of Southeast Asian Nations', 'ASEAN'],
};

/**
 * A participant name reduced for comparison: footnote numbers and brackets removed,
 * diacritics dropped, lower case, `&` as `and`, punctuation as spaces, spaces collapsed.
 * "Türkiye 3", "turkiye" and "TÜRKIYE" all become `turkiye`.
 */
export function normaliseParticipantName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\d,\s]+$/u, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
