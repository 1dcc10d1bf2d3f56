/** Reading a posted form back, to show people what they typed when an action refused it. */
import type { AssessmentFormFields } from '../domain/assessment-form';

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
