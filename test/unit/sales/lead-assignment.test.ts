import { chooseRep, eligibleReps, type AssignmentRules } from '../../../shared/modules/sales/domain/lead-assignment';

const rules: AssignmentRules = {
  rules: [
    { productInterest: 'Catering', territory: 'Jakarta', repIds: ['ani', 'budi'] },
    { productInterest: 'catering', repIds: ['citra', 'dodi'] },
    { territory: 'Surabaya', repIds: ['eka'] },
  ],
  defaultRepIds: ['budi', 'fajar'],
};

describe('lead assignment: eligible reps', () => {
  it('takes the first rule that matches product interest and territory (case-insensitive)', () => {
    expect(eligibleReps({ productInterest: 'catering', territory: 'jakarta' }, rules, new Set())).toEqual(['ani', 'budi']);
    expect(eligibleReps({ productInterest: 'Catering', territory: 'Bandung' }, rules, new Set())).toEqual(['citra', 'dodi']);
    expect(eligibleReps({ productInterest: 'Uniforms', territory: 'Surabaya' }, rules, new Set())).toEqual(['eka']);
  });

  it('falls back to the default reps', () => {
    expect(eligibleReps({}, rules, new Set())).toEqual(['budi', 'fajar']);
  });

  it('leaves out reps who opted out', () => {
    expect(eligibleReps({ productInterest: 'catering', territory: 'Jakarta' }, rules, new Set(['ani']))).toEqual(['budi']);
    expect(eligibleReps({ territory: 'Surabaya' }, rules, new Set(['eka']))).toEqual([]);
  });
});

describe('lead assignment: choosing the rep', () => {
  it('picks the rep with the lightest workload', () => {
    expect(chooseRep(new Map([['ani', 3], ['budi', 1], ['citra', 2]]), undefined)).toBe('budi');
    expect(chooseRep(new Map([['ani', 3], ['budi', 1], ['citra', 2]]), 'budi')).toBe('budi');
  });

  it('takes turns on ties, after the last rep assigned', () => {
    const tie = new Map([['citra', 0], ['ani', 0], ['budi', 0]]);
    expect(chooseRep(tie, undefined)).toBe('ani');
    expect(chooseRep(tie, 'ani')).toBe('budi');
    expect(chooseRep(tie, 'budi')).toBe('citra');
    expect(chooseRep(tie, 'citra')).toBe('ani');
    expect(chooseRep(tie, 'zz-someone-else')).toBe('ani');
    expect(chooseRep(new Map([['ani', 1], ['budi', 0], ['citra', 0]]), 'budi')).toBe('citra');
  });

  it('returns nobody when no rep is eligible', () => {
    expect(chooseRep(new Map(), 'ani')).toBeUndefined();
  });
});
