/** Reads `?parties=tha,bgd,npl` (or repeated `parties=`) into at most five known party slugs. */

export const MAX_COMPARED = 5;

export interface CompareRequest {
  parties: string[];
  unknown: string[];
  truncated: boolean;
}

/** Splits, lower-cases and de-duplicates the codes; unknown ones are reported, not fatal. */
export function readCompareParam(params: URLSearchParams, known: ReadonlySet<string>): CompareRequest {
  const codes = params
    .getAll('parties')
    .flatMap((value) => value.split(','))
    .map((code) => code.trim().toLowerCase())
    .filter((code) => code.length > 0 && code.length <= 40);
  const unique = [...new Set(codes)];
  const valid = unique.filter((code) => known.has(code));
  const unknown = unique.filter((code) => !known.has(code)).slice(0, 10);
  return { parties: valid.slice(0, MAX_COMPARED), unknown, truncated: valid.length > MAX_COMPARED };
}
