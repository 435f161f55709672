import { ExecuteStatementCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { createConversions } from 'electrodb';
import type { Page } from '../../../platform/page';
import type { LeadStatus } from '../domain/sales-vocabulary';
import { MATCH_REASONS, matchKeys, matchKeyText, type Duplicate, type MatchKind } from '../domain/lead-duplicates';
import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { op } from '../../../platform/db/transaction';
import { batchPut } from '../../../platform/db/batch-write';
import { dynamo } from '../../../platform/db/client';
import { config } from '../../../platform/config';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { LeadEntity, type LeadRow } from './lead.entity';
import { LeadMatchEntity } from './lead-match.entity';
import { OpportunityEntity } from './opportunity.entity';
import { changedRow, type RowChanges } from './row-changes';

/** The byOwner partition of leads nobody owns yet. */
export const UNASSIGNED = 'unassigned';

/** The fields a lead is made of, before the stored bookkeeping. */
export type LeadFields = Pick<LeadRow, 'title' | 'companyName' | 'contactName' | 'email' | 'phone' | 'source' | 'memo' | 'productInterest' | 'territory' | 'ownerId'>;

const OPEN_STATUSES: LeadStatus[] = ['new', 'qualified'];

/** The attributes that follow from the fields: the owner's queue and the duplicate-marker keys. */
function derived(lead: Pick<LeadRow, 'ownerId' | 'email' | 'companyName'>): Pick<LeadRow, 'ownerKey' | 'matchKeys'> {
  return { ownerKey: lead.ownerId ?? UNASSIGNED, matchKeys: matchKeys(lead).map(matchKeyText) };
}

/** A new lead record (not yet stored); `leadId` only when the id must be known beforehand (a retried import row). */
export function newLeadRecord(fields: LeadFields, score: number, leadId = newId()): LeadRow {
  const at = nowIso();
  return { ...fields, ...derived(fields), leadId, status: 'new', score, version: 1, createdAt: at, updatedAt: at };
}

/** The record after a change (`null` clears a field): the owner's queue and match keys follow the fields. */
export function changedLeadRecord(before: LeadRow, changes: RowChanges<LeadRow>): LeadRow {
  const next = changedRow(before, changes);
  return { ...next, ...derived(next), version: before.version + 1, updatedAt: nowIso() };
}

type WriteCondition = { version: number; openOnly?: boolean };

/**
 * How many items an ElectroDB query's key condition matches: `Select: COUNT`, so a rep with
 * thousands of leads (after an import) is counted without shipping and parsing the items.
 */
async function countOf(params: QueryCommandInput): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...params, Select: 'COUNT', ExclusiveStartKey: start }));
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
function matchMarker(row: LeadRow, matchKey: string): { Item: Record<string, unknown> } {
  return LeadMatchEntity().put({ matchKey, leadId: row.leadId, title: row.title, createdAt: row.createdAt }).params<{ Item: Record<string, unknown> }>();
}

export const leadRepository = {
  /**
   * The transaction items that store `row` and keep its duplicate markers in step: a create
   * when there is no `previous`, else a put conditional on the stored version (and status).
   */
  writeOperations(row: LeadRow, previous?: LeadRow, condition?: WriteCondition) {
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
    const items = rows.flatMap((row) => leadRepository.writeOperations(row).map((operation) => operation.Put!.Item!));
    await batchPut(config().tableName, items);
  },

  /** The duplicate markers of stored leads, written again (the same items): what a crash in putNewInBulk may have left out. */
  async putMarkersInBulk(rows: LeadRow[]): Promise<void> {
    const items = rows.flatMap((row) => row.matchKeys.map((matchKey) => matchMarker(row, matchKey).Item));
    await batchPut(config().tableName, items);
  },

  async get(leadId: string): Promise<LeadRow | undefined> {
    const { data } = await LeadEntity().get({ leadId }).go();
    return data ?? undefined;
  },

  /** Several leads by id (missing ones left out), in batches. */
  async getMany(leadIds: string[]): Promise<LeadRow[]> {
    if (leadIds.length === 0) return [];
    const { data, unprocessed } = await LeadEntity().get(leadIds.map((leadId) => ({ leadId }))).go({ consistent: true });
    // Keys DynamoDB left for later (throttling) are read one by one.
    const late = await Promise.all(unprocessed.map(({ leadId }) => leadRepository.get(leadId)));
    return [...data, ...late.filter((row): row is LeadRow => row !== undefined)];
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
    return queryPage(request, run, (row) => row);
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
    const counts = await Promise.all(OPEN_STATUSES.map((status) => countOf(LeadEntity().query.byOwner({ ownerKey: ownerId, status }).params<QueryCommandInput>())));
    return counts.reduce((a, b) => a + b, 0);
  },

  /** How many open opportunities a rep owns (the pipeline's `openByOwner` index). */
  async countOpenOpportunities(ownerId: string): Promise<number> {
    return countOf(OpportunityEntity().query.openByOwner({ ownerId }).params<QueryCommandInput>());
  },
};
