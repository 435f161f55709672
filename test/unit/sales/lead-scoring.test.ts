import { DEFAULT_SCORING_RULES, engagementCount, scoreLead, type ScoringRules } from '../../../shared/modules/sales/domain/lead-scoring';
import { LeadRulesSchema } from '../../../shared/modules/sales/schemas/lead.schema';
import { DEFAULT_ASSIGNMENT_RULES } from '../../../shared/modules/sales/domain/lead-assignment';

const rules: ScoringRules = {
  source: { referral: 30, web: 10 },
  completeness: { email: 5, phone: 5, companyName: 5 },
  productInterest: { byProduct: { Catering: 20 }, other: 3 },
  engagement: { perActivity: 4, max: 10, types: ['call', 'meeting', 'email'] },
};

describe('lead scoring', () => {
  it('adds points for source, completeness, product interest and engagement', () => {
    expect(scoreLead({ source: 'web' }, rules)).toBe(10);
    expect(scoreLead({ source: 'referral', email: 'a@b.example', phone: '1', companyName: 'PT. KITA' }, rules)).toBe(45);
    expect(scoreLead({ source: 'web', productInterest: ' catering ' }, rules)).toBe(30);
    expect(scoreLead({ source: 'web', productInterest: 'uniforms' }, rules)).toBe(13);
  });

  it('caps engagement and keeps the score within 0..100', () => {
    expect(scoreLead({ source: 'web' }, rules, 1)).toBe(14);
    expect(scoreLead({ source: 'web' }, rules, 50)).toBe(20);
    expect(scoreLead({ source: 'other' }, { ...rules, source: { other: -40 } })).toBe(0);
    expect(scoreLead({ source: 'referral', email: 'x', phone: 'y', companyName: 'z', productInterest: 'catering' }, { ...rules, source: { referral: 90 } }, 9)).toBe(100);
  });

  it('counts done calls, meetings and e-mails as engagement, not planned work, tasks or notes', () => {
    const activities = [
      { type: 'call', status: 'done' },
      { type: 'meeting', status: 'done' },
      { type: 'email', status: 'done' },
      { type: 'call', status: 'planned' },
      { type: 'task', status: 'done' },
      { type: 'note', status: 'done' },
    ] as const;
    expect(engagementCount(activities, rules)).toBe(3);
    expect(engagementCount(activities, { ...rules, engagement: { ...rules.engagement, types: ['meeting', 'task'] } })).toBe(2);
    expect(engagementCount([], rules)).toBe(0);
    // Default rules: +5 a done call, up to 20.
    const lead = { source: 'web' } as const;
    const base = scoreLead(lead, DEFAULT_SCORING_RULES);
    expect(scoreLead(lead, DEFAULT_SCORING_RULES, engagementCount([{ type: 'call', status: 'done' }], DEFAULT_SCORING_RULES))).toBe(base + 5);
    expect(scoreLead(lead, DEFAULT_SCORING_RULES, 7)).toBe(base + 20);
  });

  it('reads rules saved before engagement named its activity types with the default types', () => {
    const saved = { scoring: { ...DEFAULT_SCORING_RULES, engagement: { perActivity: 3, max: 9 } }, assignment: DEFAULT_ASSIGNMENT_RULES };
    const parsed = LeadRulesSchema.parse(saved);
    expect(parsed.scoring.engagement).toEqual({ perActivity: 3, max: 9, types: ['call', 'meeting', 'email'] });
    expect(LeadRulesSchema.safeParse({ ...saved, scoring: { ...saved.scoring, engagement: { perActivity: 3, max: 9, types: ['lunch'] } } }).success).toBe(false);
  });

  it('ignores blank fields and sources without points', () => {
    expect(scoreLead({ source: 'event', email: '  ', phone: '' }, rules)).toBe(0);
  });

  it('ships default rules that the rules schema accepts', () => {
    expect(LeadRulesSchema.safeParse({ scoring: DEFAULT_SCORING_RULES, assignment: DEFAULT_ASSIGNMENT_RULES }).success).toBe(true);
    expect(scoreLead({ source: 'web', email: 'hendra@kita.example', companyName: 'PT. KITA', productInterest: 'Catering', memo: 'trial' }, DEFAULT_SCORING_RULES)).toBe(15 + 10 + 10 + 5 + 5 + 15);
  });

  it('rejects malformed rules', () => {
    expect(LeadRulesSchema.safeParse({ scoring: { ...DEFAULT_SCORING_RULES, source: { spam: 5 } }, assignment: DEFAULT_ASSIGNMENT_RULES }).success).toBe(false);
    expect(LeadRulesSchema.safeParse({ scoring: DEFAULT_SCORING_RULES, assignment: { rules: [{ repIds: 'u1' }], defaultRepIds: [] } }).success).toBe(false);
  });
});
