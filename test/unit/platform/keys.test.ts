import { AccountEntity } from '../../../shared/modules/crm/db/account.entity';
import { AccountContactEntity } from '../../../shared/modules/crm/db/account-contact.entity';
import { PartyEntity } from '../../../shared/modules/identity/db/party.entity';
import { TimelineItemEntity } from '../../../shared/modules/crm/db/timeline-item.entity';
import { sortKeyText } from '../../../shared/platform/db/keys';
import { GLOBAL_INDEXES } from '../../../shared/platform/db/table';
import { splitChanges } from '../../../shared/platform/db/versioned-update';

const TABLE = { table: 'relasi' };

describe('key shapes', () => {
  test("an account's contact links and timeline live in the account's partition", () => {
    const account = AccountEntity().get({ accountId: 'acc-1' }).params(TABLE) as { Key: { pk: string } };
    const link = AccountContactEntity().get({ accountId: 'acc-1', partyId: 'p-1' }).params(TABLE) as { Key: { pk: string } };
    const timeline = TimelineItemEntity().query.byAccount({ accountId: 'acc-1' }).params(TABLE) as { ExpressionAttributeValues: Record<string, string> };
    expect(link.Key.pk).toBe(account.Key.pk);
    expect(Object.values(timeline.ExpressionAttributeValues)).toContain(account.Key.pk);
  });

  test('the timeline page is a newest-first Query, never a Scan', () => {
    const params = TimelineItemEntity().query.byAccount({ accountId: 'acc-1' }).params({ ...TABLE, order: 'desc' }) as { KeyConditionExpression: string; ScanIndexForward: boolean };
    expect(params.KeyConditionExpression).toContain('#pk = :pk');
    expect(params.ScanIndexForward).toBe(false);
  });

  test('name search is a begins_with on the name index', () => {
    const params = AccountEntity().query.byName({}).begins({ sortName: 'pt. k' }).params(TABLE) as { IndexName: string; KeyConditionExpression: string; ExpressionAttributeValues: Record<string, string> };
    expect(params.IndexName).toBe('gsi1');
    expect(params.KeyConditionExpression).toMatch(/begins_with/);
    expect(Object.values(params.ExpressionAttributeValues).some((v) => v.includes('pt. k'))).toBe(true);
  });

  test('every index an entity uses exists on the table', () => {
    const tableIndexes = new Set<string>(GLOBAL_INDEXES.map((i) => i.indexName));
    for (const entity of [AccountEntity(), AccountContactEntity(), PartyEntity(), TimelineItemEntity()]) {
      for (const index of Object.values(entity.schema.indexes)) {
        if (index.index) expect(tableIndexes).toContain(index.index);
      }
    }
  });

  test('only contacts get the contacts-list index keys (sparse index)', () => {
    const base = { partyId: 'p1', lastName: 'Gunawan', sortName: 'gunawan', version: 1, createdAt: 'x', updatedAt: 'x' };
    const contact = PartyEntity().create({ ...base, isContact: true }).params(TABLE) as { Item: Record<string, unknown> };
    const staff = PartyEntity().create({ ...base, isContact: false }).params(TABLE) as { Item: Record<string, unknown> };
    expect(contact.Item.gsi1pk).toBeDefined();
    expect(staff.Item.gsi1pk).toBeUndefined();
  });
});

describe('sort keys', () => {
  test('ignore case, accents and surrounding space', () => {
    expect(sortKeyText('  PT. KITA ')).toBe('pt. kita');
    expect(sortKeyText('Café', 'Éclair')).toBe('cafe eclair');
    expect(sortKeyText('Wulandari', undefined)).toBe('wulandari');
  });
});

describe('PATCH changes', () => {
  test('null clears, undefined leaves alone', () => {
    expect(splitChanges({ name: 'A', phone: null, email: undefined })).toEqual({ set: { name: 'A' }, remove: ['phone'] });
  });
});
