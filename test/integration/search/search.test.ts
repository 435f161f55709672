import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { handler as eventsHandler } from '../../../functions/events/handler';
import { dynamo } from '../../../shared/platform/db/client';
import { AccountEntity } from '../../../shared/modules/crm/db/account.entity';
import { searchRepository } from '../../../shared/modules/search/db/search.repository';
import { call, DEMO_PASSWORD, demoWorld, everyPage, login, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { streamRecord } from '../../support/stream-record.helper';

// No stream pump runs here: the demo data is indexed by the backfill (as an existing table is),
// and each change a test makes reaches the index when the test hands its record to the events handler.

const tokens = {} as Record<DemoLogin, string>;

beforeAll(async () => {
  Object.assign(tokens, await demoWorld());
  await searchRepository.backfill();
}, SETUP_TIMEOUT_MS);

const search = (q: string, token = tokens.sales, extra = '') => call('GET', `/search?q=${encodeURIComponent(q)}${extra}`, { token });
const hitsOf = (body: any, type: string): any[] => body.groups.find((group: any) => group.type === type)?.items ?? [];
const tag = () => randomBytes(3).toString('hex').replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!);

async function accountImage(accountId: string): Promise<Record<string, unknown>> {
  const { Key, TableName } = AccountEntity().get({ accountId }).params<{ Key: Record<string, unknown>; TableName: string }>();
  return (await dynamo().send(new GetCommand({ Key, TableName }))).Item!;
}

async function stream(...records: DynamoDBRecord[]) {
  expect((await eventsHandler({ Records: records })).batchItemFailures).toEqual([]);
}

function removed(old: Record<string, unknown>): DynamoDBRecord {
  return { eventName: 'REMOVE', eventID: `remove-${randomBytes(4).toString('hex')}`, dynamodb: { SequenceNumber: '1', OldImage: marshall(old, { removeUndefinedValues: true }) as any } };
}

async function staffWith(roles: string[]): Promise<string> {
  const email = `search-${roles.join('-')}-${randomBytes(4).toString('hex')}@kaktus.example`;
  expect((await call('POST', '/users', { token: tokens.admin, body: { email, name: `Staf ${roles.join(' ')}`, roles, password: DEMO_PASSWORD } })).status).toBe(201);
  return login(email);
}

describe('GET /search', () => {
  it('finds an account by any word of its name, legal form, case and accents aside', async () => {
    for (const [q, name] of [['KITA', 'PT. KITA'], ['sinar', 'PT. Sinar Pagi'], ['pagi', 'PT. Sinar Pagi'], ['pt sinar pa', 'PT. Sinar Pagi'], ['Sínar', 'PT. Sinar Pagi']]) {
      const answer = await search(q!);
      expect(answer.status).toBe(200);
      expect(hitsOf(answer.body, 'account').map((hit) => hit.title)).toContain(name);
    }
    expect(hitsOf((await search('sinar malam')).body, 'account')).toEqual([]);
  });

  it('finds a record of each type by its name, e-mail, phone or number', async () => {
    const kita = hitsOf((await search('kita')).body, 'account')[0];
    expect(hitsOf((await search('info@kita.example')).body, 'account').map((hit) => hit.id)).toEqual([kita.id]);
    expect(hitsOf((await search('021 555 0101')).body, 'account').map((hit) => hit.id)).toContain(kita.id);
    expect(hitsOf((await search('+62215550101')).body, 'account').map((hit) => hit.id)).toContain(kita.id);

    const firstOf = async (path: string) => (await call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=1`, { token: tokens.admin })).body.items[0];
    const contact = await firstOf('/contacts');
    expect(hitsOf((await search(contact.lastName)).body, 'contact').map((hit) => hit.id)).toContain(contact.id);
    const lead = await firstOf('/leads');
    expect(hitsOf((await search(lead.contactName)).body, 'lead').map((hit) => hit.id)).toContain(lead.id);
    const opportunity = await firstOf(`/opportunities?accountId=${kita.id}`);
    expect(hitsOf((await search(opportunity.name)).body, 'opportunity').map((hit) => hit.id)).toContain(opportunity.id);
    for (const [path, type] of [['/quotes', 'quote'], ['/orders', 'order'], ['/invoices', 'invoice'], ['/tickets', 'ticket']] as const) {
      const record = await firstOf(path);
      expect(record).toBeDefined();
      const whole = hitsOf((await search(record.number, tokens.admin)).body, type);
      expect(whole.map((hit) => hit.id)).toContain(record.id);
      const compact = hitsOf((await search(record.number.replace(/[^a-z0-9]/gi, ''), tokens.admin)).body, type);
      expect(compact.map((hit) => hit.id)).toContain(record.id);
    }
  });

  it('answers only the types asked for, at most `limit` per type, grouped in a fixed order', async () => {
    const answer = await search('kita', tokens.admin, '&types=account,ticket&limit=1');
    expect(answer.status).toBe(200);
    expect(answer.body.groups.every((group: any) => ['account', 'ticket'].includes(group.type) && group.items.length <= 1)).toBe(true);
  });

  it('keeps the index current from the table stream: new, renamed, replayed, deleted', async () => {
    const word = `Bintang${tag()}`;
    const created = await call('POST', '/accounts', { token: tokens.sales, body: { name: `CV ${word} Timur` } });
    expect(created.status).toBe(201);
    const first = await accountImage(created.body.id);
    await stream(streamRecord('INSERT', first));
    expect(hitsOf((await search(word)).body, 'account').map((hit) => hit.title)).toEqual([`CV ${word} Timur`]);

    const renamed = await call('PATCH', `/accounts/${created.body.id}`, { token: tokens.sales, body: { name: `CV ${word} Barat`, version: created.body.version } });
    expect(renamed.status).toBe(200);
    const second = await accountImage(created.body.id);
    const change = streamRecord('MODIFY', second, first);
    await stream(change, change);
    expect(hitsOf((await search(`${word} barat`)).body, 'account').map((hit) => hit.title)).toEqual([`CV ${word} Barat`]);
    expect(hitsOf((await search(`${word} timur`)).body, 'account')).toEqual([]);
    expect(hitsOf((await search(word)).body, 'account')).toHaveLength(1);

    await stream(removed(second));
    expect(hitsOf((await search(word)).body, 'account')).toEqual([]);
  });

  it('refuses customers, partners and investors, and callers without a session', async () => {
    for (const who of ['customer', 'partner', 'investor'] as const) {
      const answer = await search('kita', tokens[who]);
      expect([answer.status, answer.body.error?.code]).toEqual([403, 'forbidden']);
    }
    expect((await call('GET', '/search?q=kita')).status).toBe(401);
  });

  it('leaves out the hits of types the staff role may not read', async () => {
    const lead = (await call('GET', '/leads?limit=1', { token: tokens.admin })).body.items[0];
    expect(hitsOf((await search(lead.contactName, tokens.sales)).body, 'lead').map((hit) => hit.id)).toContain(lead.id);
    expect(hitsOf((await search(lead.contactName, tokens.service)).body, 'lead')).toEqual([]);
    expect(hitsOf((await search(lead.contactName, tokens.service, '&types=lead')).body, 'lead')).toEqual([]);

    const kita = hitsOf((await search('kita')).body, 'account')[0];
    const opportunity = (await call('GET', `/opportunities?accountId=${kita.id}&limit=1`, { token: tokens.admin })).body.items[0];
    const investorRelations = await staffWith(['investor_relations']);
    const answer = await search(opportunity.name, investorRelations);
    expect(answer.status).toBe(200);
    expect(hitsOf(answer.body, 'opportunity')).toEqual([]);
    expect(hitsOf(answer.body, 'lead')).toEqual([]);
    expect(hitsOf((await search('kita', investorRelations)).body, 'account')).not.toEqual([]);
  });

  it('refuses a query too short or too long and unknown types with 400', async () => {
    for (const path of ['/search?q=k', '/search', `/search?q=${'a'.repeat(101)}`, '/search?q=kita&types=account,bogus', '/search?q=kita&limit=0']) {
      const answer = await call('GET', path, { token: tokens.sales });
      expect([path, answer.status]).toEqual([path, 400]);
    }
  });
});

describe('GET /accounts?q= matches any word of the name', () => {
  it('finds "PT. KITA" by "kita" and "PT. Sinar Pagi" by "pagi", for staff and for a linked customer', async () => {
    expect((await everyPage('/accounts?q=kita&limit=100', tokens.sales)).map((a) => a.name)).toContain('PT. KITA');
    expect((await everyPage('/accounts?q=pagi&limit=100', tokens.sales)).map((a) => a.name)).toContain('PT. Sinar Pagi');
    expect((await everyPage('/accounts?q=kita&limit=100', tokens.customer)).map((a) => a.name)).toEqual(['PT. KITA']);
    expect(await everyPage('/accounts?q=pagi&limit=100', tokens.customer)).toEqual([]);
  });

  it('lists name-prefix matches first, then other word matches, each once', async () => {
    const word = `Samudra${tag()}`;
    const prefixed = await call('POST', '/accounts', { token: tokens.sales, body: { name: `${word} Raya` } });
    const inner = await call('POST', '/accounts', { token: tokens.sales, body: { name: `PT. ${word} Jaya` } });
    await stream(streamRecord('INSERT', await accountImage(prefixed.body.id)), streamRecord('INSERT', await accountImage(inner.body.id)));
    const names = (await everyPage(`/accounts?q=${word}&limit=1`, tokens.sales)).map((a) => a.name);
    expect(names).toEqual([`${word} Raya`, `PT. ${word} Jaya`]);
  });
});
