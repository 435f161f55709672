import { createHash } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { LeadCreateSchema } from '../../schemas/lead.schema';
import { IMPORT_FIELDS, IMPORT_LIMITS, leadSourceOf, type ChunkRow, type ImportField } from '../../domain/lead-import';
import { LEAD_SOURCES } from '../../domain/sales-vocabulary';
import type { LeadImportChunkRow } from '../../db/lead-import-chunk.entity';
import type { ImportRowError } from '../../db/lead-import.entity';
import { leadImportRepository, type ChunkOutcome } from '../../db/lead-import.repository';
import type { LeadRow } from '../../db/lead.entity';
import { leadRepository, type LeadFields } from '../../db/lead.repository';
import { transact, TransactionConflict } from '../../../../platform/db/transaction';
import type { Claim } from '../../../../platform/work/work-unit';
import { leadWrites, type LeadWriteContext } from '../lead-records';
import { PermanentWorkError } from '../../../../platform/work/work-runner';
import { mapLimited } from '../../../../platform/concurrency';

/** Lead changes stored at once (each a transaction conditional on the lead's version). */
const CHANGES_AT_ONCE = 8;

type ValidRow = { row: number; email: string; fields: LeadFields; provided: Partial<LeadFields> };

const SOURCES = LEAD_SOURCES.join(', ');

/**
 * The id a row's new lead gets: derived from the import and the row, so when a chunk is worked
 * again (a replayed stream record after a crash) the lead it created is recognised, not doubled.
 */
export function importedLeadId(importId: string, row: number): string {
  const hex = createHash('sha256').update(`lead-import:${importId}:${row}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function issueError(row: number, issue: z.core.$ZodIssue): ImportRowError {
  const field = IMPORT_FIELDS.find((f) => f === issue.path[0]);
  switch (issue.code) {
    case 'too_big':
      return { row, field, code: 'too_long', message: `At most ${String(issue.maximum)} characters.`, maxLength: Number(issue.maximum) };
    case 'too_small':
    case 'invalid_type':
      return { row, field, code: 'required', message: 'Required.' };
    case 'invalid_format':
      return field === 'email' ? { row, field, code: 'invalid_email', message: 'Not a valid e-mail address.' } : { row, field, code: 'invalid_value', message: issue.message };
    default:
      return { row, field, code: 'invalid_value', message: issue.message };
  }
}

/**
 * A row checked against the lead schema, as an import reads it: blank cells are absent, the
 * source may be named in English or Indonesian (none: `import`), the title defaults to the
 * company (or the contact), and the e-mail is required because it is the upsert key.
 */
export function validateRow(row: number, fields: readonly ImportField[], cells: readonly string[]): { valid: ValidRow } | { errors: ImportRowError[] } {
  const values: Partial<Record<ImportField, string>> = {};
  fields.forEach((field, i) => {
    const cell = cells[i]?.trim();
    if (cell) values[field] = cell;
  });
  const errors: ImportRowError[] = [];
  const source = values.source === undefined ? undefined : leadSourceOf(values.source);
  if (values.source !== undefined && !source) {
    const value = values.source.slice(0, 40);
    errors.push({ row, field: 'source', code: 'invalid_source', message: `"${value}" is not a lead source (${SOURCES}).`, value });
  }
  if (values.email === undefined) errors.push({ row, field: 'email', code: 'required', message: 'Required: the e-mail is how an import finds an existing lead.' });
  const parsed = LeadCreateSchema.safeParse({ ...values, title: values.title ?? (values.companyName ?? values.contactName ?? 'Imported lead').slice(0, 160), source: source ?? 'import' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const error = issueError(row, issue);
      if (!errors.some((e) => e.field !== undefined && e.field === error.field)) errors.push(error);
    }
  }
  if (errors.length > 0 || !parsed.success) return { errors };
  const fieldsOut: LeadFields = parsed.data;
  const provided = Object.fromEntries(Object.keys(values).map((field) => [field, fieldsOut[field as keyof LeadFields]])) as Partial<LeadFields>;
  return { valid: { row, email: fieldsOut.email!, fields: fieldsOut, provided } };
}

/** The rows of a stored chunk, or undefined when the item does not hold what an import writes. */
export function chunkRowsOf(chunk: Pick<LeadImportChunkRow, 'fields' | 'rows'>): { fields: ImportField[]; rows: ChunkRow[] } | undefined {
  if (!chunk.fields.every((f) => (IMPORT_FIELDS as readonly string[]).includes(f))) return undefined;
  try {
    const rows: unknown = JSON.parse(chunk.rows);
    const ok = Array.isArray(rows) && rows.every((r) => Array.isArray(r) && Number.isInteger(r[0]) && r.slice(1).every((c: unknown) => typeof c === 'string'));
    return ok ? { fields: chunk.fields as ImportField[], rows: rows as ChunkRow[] } : undefined;
  } catch {
    return undefined;
  }
}

const OPEN = new Set(['new', 'qualified']);
const newestFirst = (a: LeadRow, b: LeadRow) => b.updatedAt.localeCompare(a.updatedAt);

/**
 * Which stored lead a row with this e-mail updates: the one this very row created on an
 * earlier try, else the newest open one, else the newest disqualified one. Converted leads
 * are closed: a row matching only those is refused.
 */
function targetOf(candidates: LeadRow[], ownId: string): LeadRow | 'converted' | undefined {
  const own = candidates.find((l) => l.leadId === ownId);
  if (own) return own;
  const open = candidates.filter((l) => OPEN.has(l.status)).sort(newestFirst);
  if (open[0]) return open[0];
  const disqualified = candidates.filter((l) => l.status === 'disqualified').sort(newestFirst);
  if (disqualified[0]) return disqualified[0];
  return candidates.length > 0 ? 'converted' : undefined;
}

type NewPlan = { kind: 'new'; leadId: string; fields: LeadFields; rows: number[] };
type ChangePlan = { kind: 'change'; before: LeadRow; changes: Partial<LeadFields>; rows: number[] };

class Tally {
  readonly outcome: ChunkOutcome;
  private readonly result = new Map<number, 'created' | 'updated' | 'failed'>();
  constructor(processed: number) {
    this.outcome = { processed, created: 0, updated: 0, failed: 0, errorCount: 0, errors: [] };
  }
  set(row: number, result: 'created' | 'updated'): void {
    this.result.set(row, result);
  }
  fail(row: number, errors: ImportRowError[]): void {
    this.result.set(row, 'failed');
    this.outcome.errors.push(...errors);
  }
  done(): ChunkOutcome {
    for (const result of this.result.values()) this.outcome[result] += 1;
    this.outcome.errorCount = this.outcome.errors.length;
    this.outcome.errors.sort((a, b) => a.row - b.row);
    return this.outcome;
  }
}

const unchanged = (before: LeadRow, changes: Partial<LeadFields>) => Object.entries(changes).every(([field, value]) => before[field as keyof LeadRow] === value);

/** Apply a change to a stored lead, conditional on its version; re-read and retried when it moved on. Undefined when stored, else the error. */
async function storeChange(plan: ChangePlan, context: LeadWriteContext): Promise<ImportRowError | undefined> {
  let before = plan.before;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (before.status === 'converted') return { row: 0, field: 'email', code: 'lead_converted', message: 'The lead with this e-mail was converted meanwhile; it was not changed.' };
    if (unchanged(before, plan.changes)) return undefined;
    const after = await leadWrites.change(before, plan.changes, context.rules);
    try {
      await transact(leadRepository.writeOperations(after, before, { version: before.version }));
      return undefined;
    } catch (error) {
      if (!(error instanceof TransactionConflict)) throw error;
      const current = await leadRepository.get(before.leadId);
      if (!current) break;
      before = current;
    }
  }
  return { row: 0, field: 'email', code: 'version_conflict', message: 'The lead with this e-mail kept changing while it was imported; it was not changed.' };
}

/**
 * Import one chunk's rows: each row is checked with the lead schema, then upserted by e-mail
 * (case-insensitive): a lead with the e-mail is updated, else a new one is created — scored,
 * assigned and marked for duplicates by the lead service's own rules. Rows of one e-mail are
 * applied in file order. Safe to run again on the same chunk: the rows' leads are recognised.
 */
export async function importRows(importId: string, fields: readonly ImportField[], rows: readonly ChunkRow[]): Promise<ChunkOutcome> {
  const tally = new Tally(rows.length);
  const valid: ValidRow[] = [];
  for (const [row, ...cells] of rows) {
    const checked = validateRow(row, fields, cells);
    if ('errors' in checked) tally.fail(row, checked.errors);
    else valid.push(checked.valid);
  }

  const emails = [...new Set(valid.map((v) => v.email))];
  const idsByEmail = await leadRepository.idsWithEmails(emails);
  const stored = new Map((await leadRepository.getMany([...new Set([...idsByEmail.values()].flat())])).map((lead) => [lead.leadId, lead]));

  const plans = new Map<string, NewPlan | ChangePlan>();
  // Leads this chunk created on an earlier try: a crash mid-batch may have stored a lead
  // without all of its duplicate markers.
  const ownFromEarlierTry: LeadRow[] = [];
  for (const v of valid) {
    const plan = plans.get(v.email);
    if (plan) {
      // A later row with the same e-mail: its values win, as if the rows were imported one by one.
      if (plan.kind === 'new') plan.fields = { ...plan.fields, ...v.provided };
      else plan.changes = { ...plan.changes, ...v.provided };
      plan.rows.push(v.row);
      tally.set(v.row, 'updated');
      continue;
    }
    const ownId = importedLeadId(importId, v.row);
    const candidates = (idsByEmail.get(v.email) ?? []).map((id) => stored.get(id)).filter((lead): lead is LeadRow => lead !== undefined);
    const target = targetOf(candidates, ownId);
    if (target === 'converted') {
      tally.fail(v.row, [{ row: v.row, field: 'email', code: 'lead_converted', message: 'A lead with this e-mail was converted to a customer; it is not changed by imports.' }]);
    } else if (!target) {
      plans.set(v.email, { kind: 'new', leadId: ownId, fields: v.fields, rows: [v.row] });
      tally.set(v.row, 'created');
    } else {
      // This row's own lead from an earlier try counts as created, and needs no change.
      const own = target.leadId === ownId;
      if (own) ownFromEarlierTry.push(target);
      plans.set(v.email, { kind: 'change', before: target, changes: own ? {} : v.provided, rows: [v.row] });
      tally.set(v.row, own ? 'created' : 'updated');
    }
  }

  const context = await leadWrites.context();
  const newPlans = [...plans.values()].filter((p): p is NewPlan => p.kind === 'new');
  const created: LeadRow[] = [];
  // One at a time, in file order: assignment takes turns between equally loaded reps.
  for (const plan of newPlans) created.push({ ...(await leadWrites.create(plan.fields, context, plan.leadId)), importId });
  await context.assigner.save();
  if (created.length > 0) await leadRepository.putNewInBulk(created);
  if (ownFromEarlierTry.length > 0) await leadRepository.putMarkersInBulk(ownFromEarlierTry);

  const changes = [...plans.values()].filter((p): p is ChangePlan => p.kind === 'change');
  await mapLimited(changes, CHANGES_AT_ONCE, async (plan) => {
    const error = await storeChange(plan, context);
    if (error) for (const row of plan.rows) tally.fail(row, [{ ...error, row }]);
  });
  return tally.done();
}

/**
 * Work one claimed chunk of an import (see lead-import-chunk-work.ts): import its rows, then
 * count them into the job and finish the chunk in one transaction, which holds only while
 * `claim` does. A chunk whose stored rows cannot be read fails for good: no retry mends it.
 */
export async function importChunk(item: Record<string, unknown>, claim: Claim): Promise<void> {
  const chunk = leadImportRepository.chunkOf(item);
  const read = chunk ? chunkRowsOf(chunk) : undefined;
  if (!chunk || !read) throw new PermanentWorkError(`unreadable_rows: the ${chunk ? `${chunk.rowCount} ` : ''}stored rows of this chunk cannot be read`);
  const job = await leadImportRepository.get(chunk.importId);
  if (!job || job.status === 'failed') {
    await leadImportRepository.finishChunkUncounted(chunk.importId, chunk.chunkNo, claim);
    return;
  }
  const outcome = await importRows(chunk.importId, read.fields, read.rows);
  outcome.errors = outcome.errors.slice(0, Math.max(0, IMPORT_LIMITS.keptErrors - job.errors.length));
  await transact(leadImportRepository.chunkDoneOperations(chunk.importId, chunk.chunkNo, outcome, claim));
}
