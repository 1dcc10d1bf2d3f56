/**
 * The life of an assessment: draft → submitted → published, or back to returned and then
 * submitted again. Published is final: progress is recorded by a newer assessment.
 */
import type { PublicationState } from './vocabulary';

export type WorkflowAction = 'edit' | 'submit' | 'publish' | 'return';

const ALLOWED: Record<WorkflowAction, readonly PublicationState[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  publish: ['submitted'],
  return: ['submitted'],
};

const NEXT: Record<WorkflowAction, PublicationState | null> = { edit: null, submit: 'submitted', publish: 'published', return: 'returned' };

/** The state after `action`, or an explanation of why it is not possible from `state`. */
export function transition(state: PublicationState, action: WorkflowAction): { ok: true; next: PublicationState } | { ok: false; message: string; code: 'state.cannot'; params: { state: PublicationState; action: string } } {
  if (!ALLOWED[action].includes(state)) {
    const done = action === 'edit' ? 'edited' : action === 'submit' ? 'submitted' : action === 'publish' ? 'published' : 'returned';
    return { ok: false, message: `a ${state} assessment cannot be ${done}`, code: 'state.cannot', params: { state, action: done } };
  }
  return { ok: true, next: NEXT[action] ?? state };
}
