/**
 * The shape of the measures, per-party assessments and research notes under `content/`
 * (`content/measures/{party}.yaml`, `content/assessments/{party}.yaml`,
 * `content/research/{party}.yaml`), as agreed with the researchers. Every stated fact has its
 * own source: the exact page, a confidence and the day it was read.
 */
import { z } from 'zod';
import { assessmentRowSchema, evidenceRowSchema, isoDate, partySlug } from './content-schema';
import { CONFIDENCES, MEASURE_EXTENTS, MEASURE_KINDS, MEASURE_STEPS, SOURCE_ROLES } from './vocabulary';

/** A measure id: `{party}-{short-name}-{year}`, lower case. */
export const measureId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)+$/, 'must be a lower-case slug like tha-decree-2025').max(120);

/** A source of one fact, with its provenance. `note` is required when the fact is inferred. */
export const provenancedSourceSchema = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }),
    title: z.string().min(3).max(300).optional(),
    publisher: z.string().min(2).max(200),
    confidence: z.enum(CONFIDENCES),
    checkedOn: isoDate,
    note: z.string().max(1000).optional(),
  })
  .refine((s) => s.confidence !== 'inferred' || !!s.note, { message: 'an inferred source needs a note with the reasoning', path: ['note'] });

export const measureSourceSchema = z
  .strictObject({
    role: z.enum(SOURCE_ROLES),
    url: z.url({ protocol: /^https?$/ }),
    title: z.string().min(3).max(300),
    publisher: z.string().min(2).max(200),
    confidence: z.enum(CONFIDENCES),
    checkedOn: isoDate,
    note: z.string().max(1000).optional(),
  })
  .refine((s) => s.confidence !== 'inferred' || !!s.note, { message: 'an inferred source needs a note with the reasoning', path: ['note'] });

export const measureStepSchema = z.strictObject({
  step: z.enum(MEASURE_STEPS),
  date: isoDate,
  source: provenancedSourceSchema,
});

export const measureCommitmentSchema = z.strictObject({
  code: z.string().min(3).max(40),
  extent: z.enum(MEASURE_EXTENTS),
  noteEn: z.string().min(3).max(1000).optional(),
  noteTh: z.string().min(1).max(1000).optional(),
});

export const measureRowSchema = z.strictObject({
  id: measureId,
  party: partySlug,
  kind: z.enum(MEASURE_KINDS),
  titleEn: z.string().min(3).max(500),
  titleTh: z.string().min(1).max(500).optional(),
  titleOriginal: z.string().min(1).max(500).optional(),
  originalLanguage: z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code').optional(),
  summaryEn: z.string().min(10).max(4000),
  summaryTh: z.string().min(5).max(4000).optional(),
  steps: z.array(measureStepSchema).default([]),
  sources: z.array(measureSourceSchema).min(1),
  disputed: z.string().min(3).max(2000).optional(),
  disputedTh: z.string().min(1).max(2000).optional(),
  commitments: z.array(measureCommitmentSchema).default([]),
});
export const measuresFileSchema = z.strictObject({ measures: z.array(measureRowSchema) });

/** Evidence with its own provenance (confidence and checked date), as the per-party files give it. */
export const provenancedEvidenceSchema = evidenceRowSchema.extend({
  confidence: z.enum(CONFIDENCES).optional(),
  checkedOn: isoDate.optional(),
  note: z.string().max(1000).optional(),
});

/** An assessment in a per-party file: the common fields plus cited measures and publication date. */
export const partyAssessmentRowSchema = assessmentRowSchema
  .extend({
    evidence: z.array(provenancedEvidenceSchema).default([]),
    measures: z.array(measureId).default([]),
    publishedAt: isoDate.optional(),
  })
  .refine((a) => a.evidence.length > 0 || a.measures.length > 0, { message: 'needs at least one evidence item or a cited measure', path: ['evidence'] });
export const partyAssessmentsFileSchema = z.strictObject({ assessments: z.array(partyAssessmentRowSchema) });

export const researchNoteFileSchema = z.strictObject({
  party: partySlug,
  checkedOn: isoDate,
  noteEn: z.string().min(10).max(4000),
  noteTh: z.string().min(5).max(4000).optional(),
  notFound: z.array(z.strictObject({ en: z.string().min(3).max(1000), th: z.string().min(1).max(1000).optional() })).default([]),
});

export type MeasureRow = z.infer<typeof measureRowSchema>;
export type PartyAssessmentRow = z.infer<typeof partyAssessmentRowSchema>;
export type ResearchNote = z.infer<typeof researchNoteFileSchema>;
export type ProvenancedEvidence = z.infer<typeof provenancedEvidenceSchema>;
