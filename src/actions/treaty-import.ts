/**
 * Treaty status from the UN Treaty Collection, as plain form posts (`accept: 'form'`):
 * `preview` reads a pasted or uploaded table and answers with its differences, writing
 * nothing; `prepare` stores it for review; a reviewer other than the preparer `approve`s it
 * (the rows are written then, in one transaction) or `reject`s it. The service checks the
 * roles and the two-person rule; refusals are audited (src/actions/context.ts).
 */
import { defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { canPrepareTreatyImport } from '../domain/treaty-import-rules';
import type { UntcChange, UntcDiffDetail } from '../domain/untc-status';
import { approveTreatyImport, MAX_TREATY_TABLE_BYTES, prepareTreatyImport, previewTreatyImport, rejectTreatyImport } from '../lib/server/treaty-import';
import { formError } from '../lib/server/form-error';
import { enforce, requireActor, runService } from './context';
import { reviewCommentField } from './review-fields';

/** What the page shows after a preview: the differences, and the table to prepare. */
export interface TreatyPreviewView {
  instrument: string;
  fileName: string;
  content: string;
  format: 'text' | 'xml';
  sourceUrl: string;
  rows: number;
  skipped: { line: number; text: string }[];
  errors: { line: number; message: string; code?: string; params?: Record<string, string> }[];
  diff: UntcDiffDetail[];
  counts: Record<UntcChange, number>;
}

const instrument = z.string().trim().min(1, 'choose a treaty').max(100).regex(/^[a-z0-9-]+$/, 'choose a treaty from the list');
const id = z.coerce.number().int().positive();

/** The table from the upload if there is one, else from the text box. */
async function tableText(file: File | null | undefined, pasted: string | null | undefined): Promise<{ content: string; fileName: string }> {
  if (file && file.size > 0) {
    if (file.size > MAX_TREATY_TABLE_BYTES) throw formError(400, 'The file is larger than 1 MB.', 'file');
    const bytes = new Uint8Array(await file.arrayBuffer());
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw formError(400, 'The file is not UTF-8 text: save the table as text (UTF-8) or XML.', 'file');
    }
    return { content, fileName: file.name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120) || 'table.txt' };
  }
  if (pasted?.trim()) return { content: pasted, fileName: 'pasted table' };
  throw formError(400, 'Paste the status table or choose a file.', 'table');
}

async function requirePreparer(context: ActionAPIContext) {
  const actor = await requireActor(context);
  await enforce(context, canPrepareTreatyImport(actor));
  return actor;
}

export const treatyImport = {
  /** Reads the table and lists its differences from the database; writes nothing. */
  preview: defineAction({
    accept: 'form',
    input: z.object({
      instrument,
      table: z.string().max(MAX_TREATY_TABLE_BYTES, 'the table is larger than 1 MB').nullish(),
      file: z.instanceof(File).nullish(),
    }),
    handler: async (input, context): Promise<TreatyPreviewView> => {
      await requirePreparer(context);
      const { content, fileName } = await tableText(input.file, input.table);
      const preview = await runService(context, () => previewTreatyImport(context.locals.db, input.instrument, content), 'table');
      return {
        instrument: input.instrument,
        fileName,
        content,
        format: preview.table.format,
        sourceUrl: preview.sourceUrl,
        rows: preview.table.rows.length,
        skipped: preview.table.skipped.slice(0, 50),
        errors: preview.table.errors.slice(0, 200),
        diff: preview.diff,
        counts: preview.counts,
      };
    },
  }),

  /** Stores a previewed table for review by another person. */
  prepare: defineAction({
    accept: 'form',
    input: z.object({
      instrument,
      content: z.string().min(1, 'the table is missing: paste it again').max(MAX_TREATY_TABLE_BYTES, 'the table is larger than 1 MB'),
      fileName: z.string().max(200).default('pasted table'),
      checkedOn: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
        .nullish()
        .transform((v) => v || undefined),
    }),
    handler: async (input, context) => {
      const actor = await requirePreparer(context);
      const { id } = await runService(
        context,
        () => prepareTreatyImport(context.locals.db, actor, { instrumentSlug: input.instrument, content: input.content, fileName: input.fileName, checkedOn: input.checkedOn }),
        'table',
      );
      return { id };
    },
  }),

  /** Applies a pending import: a reviewer who did not prepare it. */
  approve: defineAction({
    accept: 'form',
    input: z.object({ id }),
    handler: async (input, context) => {
      const actor = await requireActor(context);
      const result = await runService(context, () => approveTreatyImport(context.locals.db, actor, input.id));
      return { id: result.id, written: result.written.length };
    },
  }),

  /** Rejects a pending import, with a comment for the preparer. */
  reject: defineAction({
    accept: 'form',
    input: z.object({
      id,
      comment: reviewCommentField,
    }),
    handler: async (input, context) => {
      const actor = await requireActor(context);
      return runService(context, () => rejectTreatyImport(context.locals.db, actor, input.id, input.comment));
    },
  }),
};
