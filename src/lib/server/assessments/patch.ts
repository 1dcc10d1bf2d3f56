/**
 * Partial edits (the API's PATCH): the fields sent replace the stored ones, the rest are
 * kept, and the whole result is checked by the same schema as a new assessment before
 * `updateAssessment` writes it. The stored record is read outside the write transaction;
 * that is safe because `updateAssessment` checks the version inside it, so an edit merged
 * onto a record that has changed since is refused (409), never applied.
 */
import type { Database } from '../../../../db/client';
import { assessmentInputSchema, firstIssue, type AssessmentInput } from '../../../domain/assessment-input';
import { getAssessment, updateAssessment, WorkspaceError, type Acting, type AssessmentWithEvidence } from './service';

/** The stored assessment in the shape of the input that would write it. */
export function assessmentToInput(a: AssessmentWithEvidence): AssessmentInput {
  return {
    party: a.partySlug,
    commitment: a.commitmentCode,
    status: a.status,
    assessor: a.assessor,
    asOf: a.asOf,
    narrative: a.narrativeEn,
    ...(a.narrativeTh ? { narrativeTh: a.narrativeTh } : {}),
    evidence: a.evidence.map((e) => ({
      url: e.url,
      title: e.title,
      publisher: e.publisher,
      ...(e.publishedOn ? { date: e.publishedOn } : {}),
      grade: e.grade,
    })),
  };
}

/** Edits the fields given in `patch` (already parsed); `version` must be the one the editor read. */
export async function patchAssessment(db: Database, actor: Acting, id: number, version: number, patch: Partial<AssessmentInput>): Promise<AssessmentWithEvidence> {
  const current = await getAssessment(db, id);
  if (!current) throw new WorkspaceError(404, `assessment ${id} does not exist`);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const merged = assessmentInputSchema.safeParse({ ...assessmentToInput(current), ...defined });
  if (!merged.success) {
    const { field, message } = firstIssue(merged.error);
    throw new WorkspaceError(400, message, field);
  }
  return updateAssessment(db, actor, id, version, merged.data);
}
