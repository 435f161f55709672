import { ExecuteStatementCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { createConversions } from 'electrodb';
import type { Lead, LeadRules } from '../schemas/lead.schema';
import type { Page } from '../../../platform/page';
import type { LeadSource, LeadStatus } from '../domain/sales-vocabulary';
import { MATCH_REASONS, matchKeys, matchKeyText, type MatchKind } from '../domain/lead-duplicates';
import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { op } from '../../../platform/db/transaction';
import { batchPut } from '../../../platform/db/batch-write';
import { dynamo } from '../../../platform/db/client';
import { config } from '../../../platform/config';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { LeadEntity } from './lead.entity';
import { LeadMatchEntity } from './lead-match.entity';
import { LeadSettingEntity } from './lead-setting.entity';
import { OpportunityEntity } from './opportunity.entity';

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

/** A new lead record (not yet stored); `leadId` only when the id must be known beforehand (a retried import row). */
export function newLeadRecord(fields: LeadFields, score: number, leadId = newId()): LeadRow {
  const at = nowIso();
  return { ...fields, leadId, status: 'new', score, matchKeys: matchKeys(fields).map(matchKeyText), version: 1, createdAt: at, updatedAt: at };
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

/**
 * How many items an ElectroDB query's key condition matches: `Select: COUNT`, so a rep with
 * thousands of leads (after an import) is counted without shipping and parsing the items.
 */
async function countOf(params: Record<string, unknown>): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...(params as QueryCommandInput), Select: 'COUNT', ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Partition keys a PartiQL `IN` may name at once. */
const PARTIQL_IN_MAX = 50;

/** Turns a duplicate marker's match key into its stored partition key, as ElectroDB writes it. */
function matchPartitionKeys(): (matchKey: string) => string {
  const toKeys = createConversions(LeadMatchEntity()).byAccessPattern.byKey.fromComposite.toKeys;
  return (matchKey) => toKeys<{ pk: string }>({ matchKey }, { strict: 'pk' }).pk;
}

/** The put of one duplicate marker of a lead (found by the match key's partition). */
function matchMarker(row: LeadRow, matchKey: string): { Item?: Record<string, unknown> } {
  return LeadMatchEntity().put({ matchKey, leadId: row.leadId, title: row.title, createdAt: row.createdAt }).params();
}

export const leadRepository = {
  /**
   * The transaction items that store `row` and keep its duplicate markers in step: a create
   * when there is no `previous`, else a put conditional on the stored version (and status).
   */
  writeOperations(lead: LeadRow, previous?: LeadRow, condition?: WriteCondition) {
    const row = { ...lead, ownerKey: lead.ownerId ?? UNASSIGNED };
    const put = previous
      ? LeadEntity().put(row)
          .where((attr, { eq }) => {
            const version = eq(attr.version, condition?.version ?? previous.version);
            return condition?.openOnly ? `${version} AND (${OPEN_STATUSES.map((s) => eq(attr.status, s)).join(' OR ')})` : version;
          })
          .params()
      : LeadEntity().create(row).params();
    const stale = (previous?.matchKeys ?? []).filter((key) => !row.matchKeys.includes(key));
    return [
      op.put(put),
      ...row.matchKeys.map((matchKey) => op.put(matchMarker(row, matchKey))),
      ...stale.map((matchKey) => op.delete(LeadMatchEntity().delete({ matchKey, leadId: row.leadId }).params())),
    ];
  },

  /**
   * Store new leads in bulk (an import): the leads and their duplicate markers with
   * BatchWriteItem instead of a transaction per lead — ~4x cheaper, and what makes a
   * 10,000-row import fit its time. Not atomic per lead and without the create condition, so
   * only for leads whose ids are known beforehand: writing one again writes the same items, and
   * a lead half written (a crash mid-batch) is found on the next try, which writes its markers
   * again (putMarkersInBulk).
   */
  async putNewInBulk(rows: LeadRow[]): Promise<void> {
    // A new lead's write operations are puts only (the lead and its markers): their items go as they are.
    const items = rows.flatMap((row) => leadRepository.writeOperations(row).map((operation) => operation.Put!.Item as Record<string, unknown>));
    await batchPut(config().tableName, items);
  },

  /** The duplicate markers of stored leads, written again (the same items): what a crash in putNewInBulk may have left out. */
  async putMarkersInBulk(rows: LeadRow[]): Promise<void> {
    const items = rows.flatMap((row) => row.matchKeys.map((matchKey) => matchMarker(row, matchKey).Item as Record<string, unknown>));
    await batchPut(config().tableName, items);
  },

  async get(leadId: string): Promise<LeadRow | undefined> {
    const { data } = await LeadEntity().get({ leadId }).go();
    return (data as LeadRow | null) ?? undefined;
  },

  /** Several leads by id (missing ones left out), in batches. */
  async getMany(leadIds: string[]): Promise<LeadRow[]> {
    if (leadIds.length === 0) return [];
    const { data, unprocessed } = await LeadEntity().get(leadIds.map((leadId) => ({ leadId }))).go({ consistent: true });
    // Keys DynamoDB left for later (throttling) are read one by one.
    const late = await Promise.all(unprocessed.map(({ leadId }) => leadRepository.get(leadId)));
    return [...(data as LeadRow[]), ...late.filter((row): row is LeadRow => row !== undefined)];
  },

  /** The ids of leads with this e-mail address (any case): one Query on its duplicate-marker partition. */
  async idsWithEmail(email: string): Promise<string[]> {
    const matchKey = matchKeyText({ kind: 'email', value: email.trim().toLowerCase() });
    const { data } = await LeadMatchEntity().query.byKey({ matchKey }).go({ pages: 'all', attributes: ['leadId'] });
    return data.map((m) => m.leadId);
  },

  /**
   * The ids of leads with each of these e-mail addresses (lower case), for a bulk import. The
   * same keyed read as idsWithEmail, but 50 partitions a request: a PartiQL SELECT whose WHERE
   * names the partition keys (`pk IN [...]`) is a multi-partition Query, never a Scan, and costs
   * one round trip instead of fifty (the lookups of a 10,000-row import: 200 requests, not 10,000).
   */
  async idsWithEmails(emails: string[], parallel = 4): Promise<Map<string, string[]>> {
    const matchPk = matchPartitionKeys();
    const byPk = new Map(emails.map((email) => [matchPk(matchKeyText({ kind: 'email', value: email })), email]));
    const found = new Map<string, string[]>(emails.map((email) => [email, []]));
    const pks = [...byPk.keys()];
    const groups: string[][] = [];
    for (let i = 0; i < pks.length; i += PARTIQL_IN_MAX) groups.push(pks.slice(i, i + PARTIQL_IN_MAX));
    let next = 0;
    const worker = async () => {
      while (next < groups.length) {
        const group = groups[next++]!;
        let token: string | undefined;
        do {
          const answer = await dynamo().send(
            new ExecuteStatementCommand({ Statement: `SELECT pk, leadId FROM "${config().tableName}" WHERE pk IN [${group.map(() => '?').join(', ')}]`, Parameters: group, NextToken: token, ConsistentRead: true }),
          );
          for (const item of answer.Items ?? []) found.get(byPk.get(item.pk as string)!)?.push(item.leadId as string);
          token = answer.NextToken;
        } while (token);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, groups.length) }, worker));
    return found;
  },

  /**
   * Store a recomputed score, only if the lead is still at `version`; false when it moved on.
   * The version stays: the score follows from the record and its activities, it is not an edit
   * that should make someone else's open form stale.
   */
  async setScore(leadId: string, version: number, score: number): Promise<boolean> {
    const result = await LeadEntity().patch({ leadId })
      .set({ score })
      .where((attr, { eq }) => eq(attr.version, version))
      .go({ response: 'none', returnOnConditionCheckFailure: true });
    return !result.rejected;
  },

  /** Newest first: by status, by owner (optionally in one status), or all — each one keyed Query. */
  list(request: PageRequest, filter: { status?: LeadStatus; ownerId?: string }): Promise<Page<LeadRow>> {
    const leads = LeadEntity().query;
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
        const { data } = await LeadMatchEntity().query.byKey({ matchKey }).go({ limit: 20 });
        const kind = matchKey.slice(0, matchKey.indexOf(':')) as MatchKind;
        return data.filter((m) => m.leadId !== row.leadId).map((m) => ({ leadId: m.leadId, reason: MATCH_REASONS[kind], title: m.title }));
      }),
    );
    const seen = new Set<string>();
    return found.flat().filter((d) => !seen.has(d.leadId) && seen.add(d.leadId));
  },

  /** How many open (new or qualified) leads a rep owns. */
  async countOpenByOwner(ownerId: string): Promise<number> {
    const counts = await Promise.all(OPEN_STATUSES.map((status) => countOf(LeadEntity().query.byOwner({ ownerKey: ownerId, status }).params())));
    return counts.reduce((a, b) => a + b, 0);
  },

  /** How many open opportunities a rep owns (the pipeline's `openByOwner` index). */
  async countOpenOpportunities(ownerId: string): Promise<number> {
    return countOf(OpportunityEntity().query.openByOwner({ ownerId }).params());
  },
};

async function readSetting(name: string): Promise<string | undefined> {
  const { data } = await LeadSettingEntity().get({ name }).go();
  return data?.data;
}

function writeSetting(name: string, data: string) {
  return LeadSettingEntity().put({ name, data, updatedAt: nowIso() }).go();
}

/** Lead rules, the round-robin pointer and reps' opt-outs. */
export const leadSettingsRepository = {
  /** The stored rules as JSON (the service validates and falls back to the defaults). */
  async getRules(): Promise<{ json: string; updatedAt: string } | undefined> {
    const { data } = await LeadSettingEntity().get({ name: 'rules' }).go();
    return data ? { json: data.data, updatedAt: data.updatedAt } : undefined;
  },

  async putRules(rules: LeadRules): Promise<string> {
    const updatedAt = nowIso();
    await LeadSettingEntity().put({ name: 'rules', data: JSON.stringify(rules), updatedAt }).go();
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
    const { data } = await LeadSettingEntity().get(userIds.map((id) => ({ name: `rep#${id}` }))).go();
    return new Set(data.filter((item) => item.data === 'true').map((item) => item.name.slice('rep#'.length)));
  },

  async setOptedOut(userId: string, optedOut: boolean): Promise<void> {
    await writeSetting(`rep#${userId}`, String(optedOut));
  },
};
