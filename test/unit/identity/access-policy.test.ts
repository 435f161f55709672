import { accountPolicy } from '../../../shared/modules/crm/policy';
import { adminPolicy } from '../../../shared/modules/identity/policy';
import { contactPolicy } from '../../../shared/modules/crm/policy';
import { enforce } from '../../../shared/platform/access';
import { ForbiddenError, NotFoundError } from '../../../shared/platform/errors';
import type { Actor, Audience, StaffRole } from '../../../shared/modules/identity/domain/identity';

const actor = (audiences: Audience[], roles: StaffRole[] = [], extra: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  partyId: 'p1',
  audiences,
  roles,
  accountIds: [],
  ...extra,
});

const admin = actor(['staff'], ['admin']);
const sales = actor(['staff'], ['sales']);
const service = actor(['staff'], ['service']);
const ir = actor(['staff'], ['investor_relations']);
const customer = actor(['customer'], [], { partyId: 'p-yeyen', accountIds: ['acc-kita'] });
const partner = actor(['partner'], [], { partnerId: 'mitra' });
const investor = actor(['investor']);

describe('account policy', () => {
  test.each([
    ['admin', admin, 'allow'],
    ['sales', sales, 'allow'],
    ['investor relations', ir, 'allow'],
    ['customer, own account', customer, 'allow'],
    ['partner', partner, 'forbid'],
    ['investor', investor, 'forbid'],
  ] as const)('%s reading PT. KITA → %s', (_name, who, expected) => {
    expect(accountPolicy.read(who, 'acc-kita')).toBe(expected);
  });

  test("a customer cannot reach another account: it looks missing, not forbidden", () => {
    expect(accountPolicy.read(customer, 'acc-other')).toBe('hide');
    expect(accountPolicy.update(customer, 'acc-other')).toBe('hide');
  });

  test('a customer sees its account but may not change it', () => {
    expect(accountPolicy.update(customer, 'acc-kita')).toBe('forbid');
  });

  test('editing is for sales, service and marketing; deleting for sales; admin may do all', () => {
    expect(accountPolicy.create(service)).toBe('allow');
    expect(accountPolicy.create(ir)).toBe('forbid');
    expect(accountPolicy.delete(service)).toBe('forbid');
    expect(accountPolicy.delete(sales)).toBe('allow');
    expect(accountPolicy.delete(admin)).toBe('allow');
  });

  test('list scope follows the audience', () => {
    expect(accountPolicy.listScope(sales)).toBe('all');
    expect(accountPolicy.listScope(customer)).toBe('linked');
    expect(accountPolicy.listScope(partner)).toBe('none');
    expect(accountPolicy.listScope(investor)).toBe('none');
  });

  test('the timeline (internal notes) is for staff only', () => {
    expect(accountPolicy.readTimeline(customer)).toBe('forbid');
    expect(accountPolicy.readTimeline(service)).toBe('allow');
  });
});

describe('contact policy', () => {
  test('a customer reaches only its own contact record', () => {
    expect(contactPolicy.read(customer, 'p-yeyen')).toBe('allow');
    expect(contactPolicy.read(customer, 'p-hendra')).toBe('hide');
    expect(contactPolicy.list(customer)).toBe('forbid');
  });

  test('partners and investors have no contact book', () => {
    expect(contactPolicy.read(partner, 'p-hendra')).toBe('forbid');
    expect(contactPolicy.list(investor)).toBe('forbid');
  });

  test('inviting to the portal is for sales and service', () => {
    expect(contactPolicy.invite(sales)).toBe('allow');
    expect(contactPolicy.invite(service)).toBe('allow');
    expect(contactPolicy.invite(ir)).toBe('forbid');
  });
});

describe('admin policy', () => {
  test('only admins manage users', () => {
    expect(adminPolicy.manageUsers(admin)).toBe('allow');
    expect(adminPolicy.manageUsers(sales)).toBe('forbid');
    expect(adminPolicy.manageUsers(customer)).toBe('forbid');
  });

  test('the company profile is edited by investor relations and admins', () => {
    expect(adminPolicy.editCompanyProfile(ir)).toBe('allow');
    expect(adminPolicy.editCompanyProfile(admin)).toBe('allow');
    expect(adminPolicy.editCompanyProfile(sales)).toBe('forbid');
  });
});

test('enforce turns decisions into the matching errors', () => {
  expect(() => enforce('allow', 'Account')).not.toThrow();
  expect(() => enforce('forbid', 'Account')).toThrow(ForbiddenError);
  expect(() => enforce('hide', 'Account')).toThrow(NotFoundError);
});
