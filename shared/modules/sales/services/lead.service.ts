import type { Page } from '../../../platform/page';
import type { ContactSales, Lead, LeadCreate, LeadPatch } from '../schemas/lead.schema';
import type { Actor } from '../../identity/domain/identity';
import type { LeadStatus } from '../domain/sales-vocabulary';
import { enforce } from '../../../platform/access';
import { leadPolicy } from '../policy';
import type { LeadRow } from '../db/lead.entity';
import { changedLeadRecord, leadRepository, type LeadFields } from '../db/lead.repository';
import { transact, TransactionConflict } from '../../../platform/db/transaction';
import { consume, LIMITS } from '../../identity/services/throttle';
import { checkOwner } from '../../identity/services/record-owner';
import { currentRules } from './lead-rules.service';
import { leadWriteRefused, leadWrites, readableLead, refuseConverted } from './lead-records';
import { toLead } from './sales-views';

type PageInput = { limit: number; cursor?: string };

async function withDuplicates(row: LeadRow): Promise<Lead> {
  return toLead(row, await leadRepository.duplicatesOf(row));
}

/** Create a lead: scored by the rules, assigned by them when no owner is given, with its duplicate markers. */
async function createLead(fields: LeadFields): Promise<Lead> {
  const context = await leadWrites.context();
  const row = await leadWrites.create(fields, context);
  await context.assigner.save();
  await transact(leadRepository.writeOperations(row));
  return withDuplicates(row);
}

/** Store a changed lead, conditional on the version. */
async function save(before: LeadRow, after: LeadRow, version: number): Promise<void> {
  try {
    await transact(leadRepository.writeOperations(after, before, { version }));
  } catch (error) {
    if (error instanceof TransactionConflict && error.failedIndexes.includes(0)) throw await leadWriteRefused(before.leadId, error);
    throw error;
  }
}

/** Leads captured and worked one at a time: the lists, the record, its changes and the public form. */
export const leadService = {
  async list(actor: Actor, page: PageInput, filter: { status?: LeadStatus; ownerId?: string }): Promise<Page<Lead>> {
    enforce(leadPolicy.read(actor), 'Lead');
    const rows = await leadRepository.list({ ...page, callerId: actor.userId, list: `leads:${filter.status ?? ''}:${filter.ownerId ?? ''}` }, filter);
    return { items: await Promise.all(rows.items.map(withDuplicates)), nextCursor: rows.nextCursor };
  },

  async get(actor: Actor, leadId: string): Promise<Lead> {
    return withDuplicates(await readableLead(actor, leadId));
  },

  async create(actor: Actor, input: LeadCreate): Promise<Lead> {
    enforce(leadPolicy.manage(actor), 'Lead');
    await checkOwner(input.ownerId);
    return createLead(input);
  },

  /** Change fields (the score is recomputed); `status` moves between new and qualified, or reopens a disqualified lead. */
  async update(actor: Actor, leadId: string, version: number, patch: LeadPatch): Promise<Lead> {
    const before = await readableLead(actor, leadId);
    enforce(leadPolicy.manage(actor), 'Lead');
    refuseConverted(before);
    await checkOwner(patch.ownerId);
    const { version: _bodyVersion, ...changes } = patch;
    const reopened = changes.status !== undefined && before.status === 'disqualified' ? { disqualifyReason: null } : {};
    const { rules } = await currentRules();
    const after = await leadWrites.change(before, { ...changes, ...reopened }, rules);
    await save(before, after, version);
    return withDuplicates(after);
  },

  async disqualify(actor: Actor, leadId: string, version: number, reason: string): Promise<Lead> {
    const before = await readableLead(actor, leadId);
    enforce(leadPolicy.manage(actor), 'Lead');
    refuseConverted(before);
    const after = changedLeadRecord(before, { status: 'disqualified', disqualifyReason: reason });
    await save(before, after, version);
    return withDuplicates(after);
  },

  /**
   * The public "contact sales" form: rate-limited per IP; a filled-in honeypot is answered
   * like a real request but creates nothing, so a bot learns nothing.
   */
  async contactSales(input: ContactSales, ip: string): Promise<void> {
    await consume(`contact-sales:ip:${ip}`, LIMITS.contactSalesPerIp);
    if (input.website?.trim()) return;
    await createLead({
      title: `Contact sales — ${input.companyName ?? input.name}`,
      companyName: input.companyName,
      contactName: input.name,
      email: input.email,
      phone: input.phone,
      source: 'web',
      memo: input.message,
      productInterest: input.productInterest,
    });
  },
};
