/** Reading a posted form back, to show people what they typed when an action refused it. */
import type { AssessmentFormFields } from '../domain/assessment-form';
import type { MeasureFormFields } from '../domain/measure-input';

/** The posted form of this request, or null (not a form post, or unreadable). */
export async function readPostedForm(request: Request): Promise<FormData | null> {
  if (request.method !== 'POST') return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/** One text field ('' when absent or a file). */
export function field(form: FormData | null, name: string): string {
  const value = form?.get(name);
  return typeof value === 'string' ? value : '';
}

/** Every value of a repeated field. */
export function fields(form: FormData | null, name: string): string[] {
  return (form?.getAll(name) ?? []).map((value) => (typeof value === 'string' ? value : ''));
}

/** The assessment form's fields as they were posted. */
export function readAssessmentFields(form: FormData | null): AssessmentFormFields {
  return {
    party: field(form, 'party'),
    commitment: field(form, 'commitment'),
    status: field(form, 'status'),
    measures: fields(form, 'measures'),
    assessor: field(form, 'assessor'),
    asOf: field(form, 'asOf'),
    narrative: field(form, 'narrative'),
    narrativeTh: field(form, 'narrativeTh'),
    evidenceUrl: fields(form, 'evidenceUrl'),
    evidenceTitle: fields(form, 'evidenceTitle'),
    evidencePublisher: fields(form, 'evidencePublisher'),
    evidenceDate: fields(form, 'evidenceDate'),
    evidenceGrade: fields(form, 'evidenceGrade'),
  };
}

/** The measure form's fields as they were posted. */
export function readMeasureFields(form: FormData | null): MeasureFormFields {
  const one = ['id', 'party', 'kind', 'titleEn', 'titleTh', 'titleOriginal', 'originalLanguage', 'summaryEn', 'summaryTh', 'disputedEn', 'disputedTh'] as const;
  const many = ['stepStep', 'stepDate', 'stepUrl', 'stepPublisher', 'stepConfidence', 'stepCheckedOn', 'sourceRole', 'sourceUrl', 'sourceTitle', 'sourcePublisher', 'sourceConfidence', 'sourceCheckedOn', 'linkCode', 'linkExtent', 'linkNoteEn', 'linkNoteTh'] as const;
  return {
    ...(Object.fromEntries(one.map((name) => [name, field(form, name)])) as Record<(typeof one)[number], string>),
    ...(Object.fromEntries(many.map((name) => [name, fields(form, name)])) as Record<(typeof many)[number], string[]>),
  };
}
