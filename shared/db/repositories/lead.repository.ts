import type { Lead, LeadRules } from '../../schemas/lead.schema';
import type { Page } from '../../schemas/common.schema';
import type { LeadSource, LeadStatus } from '../../domain/sales/sales-vocabulary';
import { MATCH_REASONS, matchKeys, matchKeyText, type MatchKind } from '../../domain/sales/lead-duplicates';
import { nowIso } from '../../domain/clock';
import { newId } from '../keys';
import { db } from '../service';
import { op } from '../transaction';
import { queryPage, type PageRequest } from './page';

/** A lead as stored. */
export type LeadRow = Omit<Lead, 'id' | 'duplicates'> & { leadId: string; matchKeys: string[]; ownerKey?: string };

/** The byOwner partition of leads nobody owns yet. */
export const UNASSIGNED = 'unassigned';
export type Duplicate = Lead['duplicates'][number];

/** The fields a lead is made of, before the stored bookkeeping. */
export type LeadFields = {
  title: string;
  companyName?: string;
  contactName: string;
  email?: string;
  phone?: string;
  source: LeadSource;
  memo?: string;
  productInterest?: string;
  territory?: string;
  ownerId?: string;
};

const OPEN_STATUSES: LeadStatus[] = ['new', 'qualified'];

export function toLead({ leadId, matchKeys: _keys, ownerKey: _ownerKey, ...rest }: LeadRow, duplicates: Duplicate[] = []): Lead {
  return { ...rest, id: leadId, duplicates };
}

/** A new lead record (not yet stored). */
export function newLeadRecord(fields: LeadFields, score: number): LeadRow {
  const at = nowIso();
  return { ...fields, leadId: newId(), status: 'new', score, matchKeys: matchKeys(fields).map(matchKeyText), version: 1, createdAt: at, updatedAt: at };
}

/** The record after a change: match keys follow the fields, `undefined`/`null` fields are left out. */
export function changedLeadRecord(before: LeadRow, changes: Partial<Record<keyof LeadRow, unknown>>): LeadRow {
  const merged: Record<string, unknown> = { ...before };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete merged[field];
    else merged[field] = value;
  }
  const next = merged as LeadRow;
  return { ...next, matchKeys: matchKeys(next).map(matchKeyText), version: before.version + 1, updatedAt: nowIso() };
}

type WriteCondition = { version: number; openOnly?: boolean };

export const leadRepository = {
  /**
   * The transaction items that store `row` and keep its duplicate markers in step: a create
   * when there is no `previous`, else a put conditional on the stored version (and status).
   */
  writeOperations(lead: LeadRow, previous?: LeadRow, condition?: WriteCondition) {
    const row = { ...lead, ownerKey: lead.ownerId ?? UNASSIGNED };
    const put = previous
      ? db()
          .entities.lead.put(row)
          .where((attr, { eq }) => {
            const version = eq(attr.version, condition?.version ?? previous.version);
            return condition?.openOnly ? `${version} AND (${OPEN_STATUSES.map((s) => eq(attr.status, s)).join(' OR ')})` : version;
          })
          .params()
      : db().entities.lead.create(row).params();
    const stale = (previous?.matchKeys ?? []).filter((key) => !row.matchKeys.includes(key));
    return [
      op.put(put),
      ...row.matchKeys.map((matchKey) => op.put(db().entities.leadMatch.put({ matchKey, leadId: row.leadId, title: row.title, createdAt: row.createdAt }).params())),
      ...stale.map((matchKey) => op.delete(db().entities.leadMatch.delete({ matchKey, leadId: row.leadId }).params())),
    ];
  },

  async get(leadId: string): Promise<LeadRow | undefined> {
    const { data } = await db().entities.lead.get({ leadId }).go();
    return (data as LeadRow | null) ?? undefined;
  },

  /** Newest first: by status, by owner (optionally in one status), or all — each one keyed Query. */
  list(request: PageRequest, filter: { status?: LeadStatus; ownerId?: string }): Promise<Page<LeadRow>> {
    const leads = db().entities.lead.query;
    const run = (options: { limit: number; cursor: string | null }) => {
      const go = { ...options, order: 'desc' as const };
      if (filter.ownerId) return leads.byOwner(filter.status ? { ownerKey: filter.ownerId, status: filter.status } : { ownerKey: filter.ownerId }).go(go);
      if (filter.status) return leads.byStatus({ status: filter.status }).go(go);
      return leads.byCreated({}).go(go);
    };
    return queryPage(request, run, (row) => row as LeadRow);
  },

  /** Other leads sharing a match key with this one (e-mail first, then domain, then company name). */
  async duplicatesOf(row: Pick<LeadRow, 'leadId' | 'matchKeys'>): Promise<Duplicate[]> {
    const found = await Promise.all(
      row.matchKeys.map(async (matchKey) => {
        const { data } = await db().entities.leadMatch.query.byKey({ matchKey }).go({ limit: 20 });
        const kind = matchKey.slice(0, matchKey.indexOf(':')) as MatchKind;
        return data.filter((m) => m.leadId !== row.leadId).map((m) => ({ leadId: m.leadId, reason: MATCH_REASONS[kind], title: m.title }));
      }),
    );
    const seen = new Set<string>();
    return found.flat().filter((d) => !seen.has(d.leadId) && seen.add(d.leadId));
  },

  /** How many open (new or qualified) leads a rep owns. */
  async countOpenByOwner(ownerId: string): Promise<number> {
    const counts = await Promise.all(
      OPEN_STATUSES.map(async (status) => (await db().entities.lead.query.byOwner({ ownerKey: ownerId, status }).go({ pages: 'all', attributes: ['leadId'] })).data.length),
    );
    return counts.reduce((a, b) => a + b, 0);
  },

  /** How many open opportunities a rep owns (the pipeline's `openByOwner` index). */
  async countOpenOpportunities(ownerId: string): Promise<number> {
    const { data } = await db().entities.opportunity.query.openByOwner({ ownerId }).go({ pages: 'all', attributes: ['opportunityId'] });
    return data.length;
  },
};

async function readSetting(name: string): Promise<string | undefined> {
  const { data } = await db().entities.leadSetting.get({ name }).go();
  return data?.data;
}

function writeSetting(name: string, data: string) {
  return db().entities.leadSetting.put({ name, data, updatedAt: nowIso() }).go();
}

/** Lead rules, the round-robin pointer and reps' opt-outs. */
export const leadSettingsRepository = {
  /** The stored rules as JSON (the service validates and falls back to the defaults). */
  async getRules(): Promise<{ json: string; updatedAt: string } | undefined> {
    const { data } = await db().entities.leadSetting.get({ name: 'rules' }).go();
    return data ? { json: data.data, updatedAt: data.updatedAt } : undefined;
  },

  async putRules(rules: LeadRules): Promise<string> {
    const updatedAt = nowIso();
    await db().entities.leadSetting.put({ name: 'rules', data: JSON.stringify(rules), updatedAt }).go();
    return updatedAt;
  },

  lastAssignedRep(): Promise<string | undefined> {
    return readSetting('rotation');
  },

  async setLastAssignedRep(userId: string): Promise<void> {
    await writeSetting('rotation', userId);
  },

  /** Which of these reps opted out of new leads. */
  async optedOut(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const { data } = await db().entities.leadSetting.get(userIds.map((id) => ({ name: `rep#${id}` }))).go();
    return new Set(data.filter((item) => item.data === 'true').map((item) => item.name.slice('rep#'.length)));
  },

  async setOptedOut(userId: string, optedOut: boolean): Promise<void> {
    await writeSetting(`rep#${userId}`, String(optedOut));
  },
};
