/**
 * The CSV import as two plain form posts (`accept: 'form'`, no JavaScript needed):
 * `preview` takes the uploaded file and answers with the per-row errors and the changes it
 * would make, writing nothing; `apply` takes the same file back (base64 in a hidden field of
 * the preview page) with the preview's digest and writes it all or nothing, refusing when
 * the changes are no longer the ones previewed. Only editors import, and only for the
 * parties in their scope; every refusal is audited. The apply form may carry a `progressId`
 * (made by the preview page) under which the apply records its progress for the page's
 * script to poll (src/lib/server/assessments/import-progress.ts).
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { countChanges, decodeUtf8, type ChangeKind, type ImportPlan, type RowError } from '../domain/csv-import';
import { formText } from '../i18n/workspace-form-strings';
import { applyImport, previewImport } from '../lib/server/assessments/csv-import';
import { finishProgress, isProgressId, recordProgress, startProgress } from '../lib/server/assessments/import-progress';
import type { Acting } from '../lib/server/assessments/service';
import { auditRefusal, clientIp } from '../lib/server/auth/guard';

/** The largest file accepted: about 10,000 rows with long narratives. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Rows of the change table shown on the page (the counts cover all of them). */
export const SHOWN_CHANGES = 500;

/** One planned change as the page lists it. */
export interface ChangeRow {
  row: number;
  kind: ChangeKind;
  party: string;
  commitment: string;
  assessor: string;
  targetId: number | null;
  changed: string[];
}

/** What the import page shows after a post. */
export interface ImportView {
  stage: 'preview' | 'applied' | 'no_changes' | 'rejected' | 'changed';
  fileName: string;
  /** The file's text, base64, for the apply form. */
  content: string;
  digest: string;
  rows: number;
  unchanged: number;
  empty: number;
  counts: Record<ChangeKind, number>;
  errors: RowError[];
  errorCount: number;
  changes: ChangeRow[];
  changeCount: number;
  importId: string | null;
}

function view(stage: ImportView['stage'], plan: ImportPlan, fileName: string, content: string, importId: string | null = null): ImportView {
  return {
    stage,
    fileName,
    content,
    digest: plan.digest,
    rows: plan.rows,
    unchanged: plan.unchanged,
    empty: plan.empty,
    counts: countChanges(plan),
    errors: plan.errors,
    errorCount: plan.errorCount,
    changes: plan.changes.slice(0, SHOWN_CHANGES).map((c) => ({
      row: c.row,
      kind: c.kind,
      party: c.input.party.toUpperCase(),
      commitment: c.input.commitment,
      assessor: c.input.assessor,
      targetId: c.targetId,
      changed: c.changed,
    })),
    changeCount: plan.changes.length,
    importId,
  };
}

/** The signed-in editor as the write services need them; refuses (audited) anyone else. */
async function requireEditor(context: ActionAPIContext): Promise<Acting> {
  const user = context.locals.user;
  if (!user) {
    await auditRefusal(context, 'signed_out');
    throw new ActionError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  }
  if (!user.roles.includes('editor') && !user.roles.includes('analyst')) {
    await auditRefusal(context, 'missing_role', { required: ['editor', 'analyst'] });
    throw new ActionError({ code: 'FORBIDDEN', message: 'Only editors and analysts import assessments.' });
  }
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, parties: user.parties, ip: clientIp(context) };
}

async function auditOutOfScope(context: ActionAPIContext, plan: ImportPlan): Promise<void> {
  if (plan.outOfScope.length) await auditRefusal(context, 'party_out_of_scope', { parties: plan.outOfScope, via: 'csv_import' });
}

const fileName = (name: string) => name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120) || 'import.csv';

const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export const importActions = {
  /** Checks an uploaded file and lists its errors and changes; writes nothing. */
  preview: defineAction({
    accept: 'form',
    // The file is checked here rather than by the schema, so that its problems are told in the page's language.
    input: z.object({ file: z.unknown() }),
    handler: async (input, context): Promise<ImportView> => {
      const locale = context.locals.locale;
      const refuse = (key: 'im.noFile' | 'im.emptyFile' | 'im.tooLarge' | 'im.notUtf8') => new ActionError({ code: 'BAD_REQUEST', message: formText(locale, key, { mb: MAX_IMPORT_BYTES / 1024 / 1024 }) });
      const file = input.file;
      if (!(file instanceof File)) throw refuse('im.noFile');
      if (file.size === 0) throw refuse('im.emptyFile');
      if (file.size > MAX_IMPORT_BYTES) throw refuse('im.tooLarge');
      const actor = await requireEditor(context);
      const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
      if (text === null) throw refuse('im.notUtf8');
      const plan = await previewImport(context.locals.db, actor, text, locale);
      await auditOutOfScope(context, plan);
      return view('preview', plan, fileName(file.name), toBase64(text));
    },
  }),

  /** Applies a previewed file, all or nothing, if it still makes exactly the previewed changes. */
  apply: defineAction({
    accept: 'form',
    input: z.object({
      content: z
        .string()
        .min(1, 'The file to apply is missing: upload it again.')
        .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, 'The file is too large.')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file to apply is damaged: upload it again.'),
      digest: z.string().regex(/^[0-9a-f]{64}$/, 'The preview reference is missing or damaged: upload the file again.'),
      fileName: z.string().max(200).default('import.csv'),
      progressId: z.string().refine(isProgressId, 'The progress reference is damaged: upload the file again.').optional(),
    }),
    handler: async (input, context): Promise<ImportView> => {
      const actor = await requireEditor(context);
      const text = decodeUtf8(new Uint8Array(Buffer.from(input.content, 'base64')));
      if (text === null) throw new ActionError({ code: 'BAD_REQUEST', message: 'The file to apply is damaged: upload it again.' });
      const name = fileName(input.fileName);
      // A replayed or foreign id is not recorded under; the apply goes on without progress.
      const progressId = input.progressId !== undefined && startProgress(input.progressId, actor.id) ? input.progressId : null;
      let result: Awaited<ReturnType<typeof applyImport>>;
      try {
        result = await applyImport(context.locals.db, actor, text, {
          expectedDigest: input.digest,
          fileName: name,
          locale: context.locals.locale,
          onProgress: progressId ? (done, total) => recordProgress(progressId, done, total) : undefined,
        });
      } catch (error) {
        if (progressId) finishProgress(progressId, 'failed');
        throw error;
      }
      if (progressId) finishProgress(progressId, result.outcome === 'applied' || result.outcome === 'no_changes' ? 'done' : 'refused');
      if (result.outcome === 'rejected') await auditOutOfScope(context, result.plan);
      return view(result.outcome, result.plan, name, input.content, result.outcome === 'applied' ? result.importId : null);
    },
  }),
};
