import { DEFAULT_ASSIGNMENT_RULES, type AssignmentRules } from './lead-assignment';
import { DEFAULT_SCORING_RULES, type ScoringRules } from './lead-scoring';

/** The rules a sales manager sets for leads: how they are scored and which reps take them. */
export type LeadRules = { scoring: ScoringRules; assignment: AssignmentRules };

/** The rules until an admin saves some (or when the stored ones no longer parse). */
export const DEFAULT_LEAD_RULES: LeadRules = { scoring: DEFAULT_SCORING_RULES, assignment: DEFAULT_ASSIGNMENT_RULES };
