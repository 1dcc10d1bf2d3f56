/**
 * The workflow's reason codes: each refusal's English message is its code's English words
 * exactly (so the API's text and the table cannot drift apart), and Thai and Indonesian have
 * their own words for every code, every audit action and every record type.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canReview, canWriteAssessment, chooseAssessor, canEditParty } from '../../src/domain/permissions';
import { transition } from '../../src/domain/review-workflow';
import { canPrepareTreatyImport, canReviewTreatyImport } from '../../src/domain/treaty-import-rules';
import { parseUntcText } from '../../src/domain/untc-status';
import { auditActionName, isMessageCode, messageText, NAMED_AUDIT_ACTIONS, NAMED_RECORD_TYPES, recordTypeName, refusalText } from '../../src/i18n/workflow-messages';

const editor = { id: 'e', roles: ['editor' as const], parties: ['tha'] };
const analyst = { id: 'a', roles: ['analyst' as const], parties: [] };
const both = { id: 'b', roles: ['editor' as const, 'analyst' as const], parties: ['tha'] };
const reviewer = { id: 'r', roles: ['reviewer' as const], parties: [] };

/** Each refusal of the rules, with its English reason. */
const refusals = [
  canWriteAssessment(editor, 'npl', 'self_reported'),
  canWriteAssessment(editor, 'tha', 'independent'),
  canWriteAssessment(analyst, 'tha', 'self_reported'),
  canWriteAssessment({ ...reviewer }, 'tha', 'self_reported'),
  canWriteAssessment(null, 'tha', 'self_reported'),
  canEditParty(reviewer, 'tha'),
  canReview(editor, { authorId: 'x' }),
  canReview({ ...reviewer, id: 'x' }, { authorId: 'x' }),
  canReview(reviewer, { authorId: 'x', writerIds: ['r'] }),
  canPrepareTreatyImport({ id: 'v', roles: ['viewer'], parties: [] }),
  canReviewTreatyImport(editor, { preparedBy: 'x' }),
  canReviewTreatyImport(reviewer, { preparedBy: 'r' }),
];

describe('reason codes', () => {
  it('every refusal of the rules has a code whose English words are its reason exactly', () => {
    for (const decision of refusals) {
      expect(decision.allowed).toBe(false);
      if (decision.allowed) continue;
      expect(isMessageCode(decision.code), decision.reason).toBe(true);
      if (!isMessageCode(decision.code)) continue;
      expect(messageText('en', decision.code, decision.params)).toBe(decision.reason);
      const thai = messageText('th', decision.code, decision.params);
      expect(thai, decision.reason).toMatch(/[\u0E00-\u0E7F]/);
      expect(thai).not.toMatch(/[A-Za-z]{4,}/);
      expect(messageText('id', decision.code, decision.params)).not.toBe(decision.reason);
    }
    const choice = chooseAssessor(both, 'tha', undefined);
    expect(choice.ok).toBe(false);
    if (!choice.ok && isMessageCode(choice.code)) expect(messageText('en', choice.code)).toBe(choice.reason);
    else throw new Error('the assessor choice has no code');
  });

  it('a refused step of the workflow names its state and action, in English as before and in Thai', () => {
    const step = transition('published', 'edit');
    expect(step.ok).toBe(false);
    if (step.ok) return;
    expect(step.message).toBe('a published assessment cannot be edited');
    expect(messageText('en', step.code, step.params)).toBe(step.message);
    expect(messageText('th', step.code, step.params)).toBe('การประเมินที่อยู่ในสถานะ “เผยแพร่แล้ว” แก้ไขไม่ได้');
    expect(messageText('th', step.code, { ...step.params, subject: 'measure' })).toBe('มาตรการที่อยู่ในสถานะ “เผยแพร่แล้ว” แก้ไขไม่ได้');
  });

  it('a UN Treaty Collection line that cannot be read has a code, in English as before and in Thai', () => {
    const table = parseUntcText('Singapore    32 Foo 2026\n   3 Jan 2026\nQatar   1 Jan 2026   2 Feb 2026   3 Mar 2026\n');
    expect(table.errors.length).toBeGreaterThan(0);
    for (const error of table.errors) {
      expect(isMessageCode(error.code), error.message).toBe(true);
      if (!isMessageCode(error.code)) continue;
      expect(messageText('en', error.code, error.params)).toBe(error.message);
      expect(refusalText('th', error)).toMatch(/[\u0E00-\u0E7F]/);
    }
    expect(refusalText('th', table.errors[0]!)).toBe('Singapore: “32 Foo 2026” ไม่ใช่วันที่ในรูปแบบ 25 Oct 2025 (ต่อท้ายด้วยเครื่องหมาย a, A, AA หรือ d ได้)');
  });

  it('English pages keep the message as sent; a message with no code falls back to the known sentences', () => {
    expect(refusalText('en', { code: 'write.outOfScope', params: { party: 'NPL' }, message: 'Party NPL is not in your scope.' })).toBe('Party NPL is not in your scope.');
    expect(refusalText('th', { code: 'write.outOfScope', params: { party: 'NPL' }, message: 'Party NPL is not in your scope.' })).toContain('ภาคี NPL ไม่อยู่ในขอบเขตงานของคุณ');
    expect(refusalText('th', { message: 'The preview reference is missing or damaged: upload the file again.' })).toBe(messageText('th', 'import.digestDamaged'));
    expect(refusalText('th', { message: 'Choose at least one role.' })).toBe('เลือกบทบาทอย่างน้อยหนึ่งบทบาท');
  });
});

/** Every audit action code written by the sources (`action: 'x.y'`). */
function auditActionsInSources(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|astro)$/.test(name)) for (const m of readFileSync(path, 'utf8').matchAll(/\baction: [^\n]*?'([a-z_]+\.[a-z_.]+)'/g)) found.add(m[1]!);
      if (/\.(ts|astro)$/.test(name)) for (const m of readFileSync(path, 'utf8').matchAll(/\? '([a-z_]+\.[a-z_]+)' : '([a-z_]+\.[a-z_]+)'/g)) { found.add(m[1]!); found.add(m[2]!); }
    }
  };
  walk('src/lib/server');
  walk('src/actions');
  return [...found].filter((a) => /^(api_token|assessment|auth|digest|import|indicator_value|measure|participation|treaty_import|user)\./.test(a));
}

describe('audit log names', () => {
  it('every action the sources record has a Thai and an Indonesian name; English pages keep the code', () => {
    const actions = auditActionsInSources();
    expect(actions).toContain('assessment.publish');
    expect(actions).toContain('treaty_import.approve');
    for (const action of actions) {
      expect(NAMED_AUDIT_ACTIONS, action).toContain(action);
      expect(auditActionName('th', action)).toMatch(/[\u0E00-\u0E7F]/);
      expect(auditActionName('id', action)).toBeTruthy();
      expect(auditActionName('en', action)).toBeNull();
    }
  });

  it('every record type has a Thai name', () => {
    for (const type of ['api_token', 'assessment', 'command', 'import', 'indicator_value', 'measure', 'participation', 'request', 'treaty_import', 'user']) {
      expect(NAMED_RECORD_TYPES).toContain(type);
      expect(recordTypeName('th', type)).toMatch(/[\u0E00-\u0E7F]/);
      expect(recordTypeName('en', type)).toBe(type);
    }
  });
});
