import { leadPolicy } from '../../../shared/modules/sales/policy';
import type { Actor, Audience, StaffRole } from '../../../shared/modules/identity/domain/identity';

const actor = (audiences: Audience[], roles: StaffRole[] = [], userId = 'u1'): Actor => ({ userId, partyId: 'p1', audiences, roles, accountIds: ['a1'] });

describe('lead policy', () => {
  it('lets sales (and admin) manage leads, marketing only read them', () => {
    expect(leadPolicy.manage(actor(['staff'], ['sales']))).toBe('allow');
    expect(leadPolicy.manage(actor(['staff'], ['admin']))).toBe('allow');
    expect(leadPolicy.read(actor(['staff'], ['marketing']))).toBe('allow');
    expect(leadPolicy.manage(actor(['staff'], ['marketing']))).toBe('forbid');
    expect(leadPolicy.read(actor(['staff'], ['service']))).toBe('forbid');
  });

  it('refuses customers, partners and investors', () => {
    for (const audience of ['customer', 'partner', 'investor'] as const) {
      expect(leadPolicy.read(actor([audience]))).toBe('forbid');
      expect(leadPolicy.manage(actor([audience]))).toBe('forbid');
      expect(leadPolicy.readRules(actor([audience]))).toBe('forbid');
    }
  });

  it('lets only an admin replace the rules; a rep opts only themself out', () => {
    expect(leadPolicy.writeRules(actor(['staff'], ['sales']))).toBe('forbid');
    expect(leadPolicy.writeRules(actor(['staff'], ['admin']))).toBe('allow');
    expect(leadPolicy.setRepAvailability(actor(['staff'], ['sales'], 'u1'), 'u1')).toBe('allow');
    expect(leadPolicy.setRepAvailability(actor(['staff'], ['sales'], 'u1'), 'u2')).toBe('forbid');
    expect(leadPolicy.setRepAvailability(actor(['staff'], ['admin'], 'u1'), 'u2')).toBe('allow');
  });
});
