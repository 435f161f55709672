import type { ActivityType, LeadSource } from './sales-vocabulary';

/** Fields whose presence earns completeness points. */
export const COMPLETENESS_FIELDS = ['email', 'phone', 'companyName', 'productInterest', 'territory', 'memo'] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

/** Scoring rules, kept as data so sales managers can tune them without a deploy. */
export type ScoringRules = {
  /** Points per lead source. */
  source: Partial<Record<LeadSource, number>>;
  /** Points per filled-in field. */
  completeness: Partial<Record<CompletenessField, number>>;
  /** Points per product interest (case-insensitive), and for any other stated interest. */
  productInterest: { byProduct: Record<string, number>; other: number };
  /** Points per done activity of the counted types (calls, meetings, e-mails by default) on the lead, up to a cap. */
  engagement: { perActivity: number; max: number; types: ActivityType[] };
};

/** The activity types that show a prospect engaging, unless the rules name others. */
export const ENGAGEMENT_ACTIVITY_TYPES: ActivityType[] = ['call', 'meeting', 'email'];

export const DEFAULT_SCORING_RULES: ScoringRules = {
  source: { referral: 25, partner: 20, web: 15, event: 15, phone: 10, email: 10, import: 5, other: 0 },
  completeness: { email: 10, phone: 10, companyName: 10, productInterest: 5, territory: 5, memo: 5 },
  productInterest: { byProduct: { catering: 15, 'daily catering': 15, 'event catering': 10 }, other: 5 },
  engagement: { perActivity: 5, max: 20, types: ENGAGEMENT_ACTIVITY_TYPES },
};

export type ScoredLead = { source: LeadSource; productInterest?: string } & Partial<Record<CompletenessField, string | undefined>>;

/** How many of a lead's activities earn engagement points: the done ones of the counted types. */
export function engagementCount(activities: readonly { type: ActivityType; status: string }[], rules: ScoringRules): number {
  return activities.filter((a) => a.status === 'done' && rules.engagement.types.includes(a.type)).length;
}

/** The lead's score (0-100): source + completeness + product interest + engagement (`activityCount`: see engagementCount). */
export function scoreLead(lead: ScoredLead, rules: ScoringRules, activityCount = 0): number {
  let score = rules.source[lead.source] ?? 0;
  for (const field of COMPLETENESS_FIELDS) {
    if (lead[field]?.trim()) score += rules.completeness[field] ?? 0;
  }
  const interest = lead.productInterest?.trim().toLowerCase();
  if (interest) {
    const byProduct = Object.entries(rules.productInterest.byProduct).find(([name]) => name.trim().toLowerCase() === interest);
    score += byProduct ? byProduct[1] : rules.productInterest.other;
  }
  score += Math.min(rules.engagement.max, Math.max(0, activityCount) * rules.engagement.perActivity);
  return Math.max(0, Math.min(100, Math.round(score)));
}
