/** Assignment rules, kept as data: which reps may take which leads. */
export type AssignmentRule = {
  /** Matches when equal (case-insensitive); an absent criterion matches anything. */
  productInterest?: string;
  territory?: string;
  repIds: string[];
};

export type AssignmentRules = {
  /** Checked in order; the first rule that matches names the eligible reps. */
  rules: AssignmentRule[];
  /** Reps for leads that match no rule. */
  defaultRepIds: string[];
};

export const DEFAULT_ASSIGNMENT_RULES: AssignmentRules = { rules: [], defaultRepIds: [] };

const same = (rule: string | undefined, value: string | undefined) =>
  rule === undefined || rule.trim().toLowerCase() === (value ?? '').trim().toLowerCase();

/** The reps eligible for a lead: the first matching rule's, else the default ones, minus those opted out. */
export function eligibleReps(lead: { productInterest?: string; territory?: string }, rules: AssignmentRules, optedOut: ReadonlySet<string>): string[] {
  const rule = rules.rules.find((r) => same(r.productInterest, lead.productInterest) && same(r.territory, lead.territory));
  const reps = rule ? rule.repIds : rules.defaultRepIds;
  return [...new Set(reps)].filter((id) => !optedOut.has(id));
}

/**
 * The rep to take the lead: the fewest open leads + open opportunities; on a tie, the next
 * one after the last assigned rep (in id order), so equal reps take turns.
 */
export function chooseRep(workload: ReadonlyMap<string, number>, lastAssigned: string | undefined): string | undefined {
  if (workload.size === 0) return undefined;
  const least = Math.min(...workload.values());
  const tied = [...workload.entries()].filter(([, load]) => load === least).map(([id]) => id).sort();
  if (lastAssigned === undefined) return tied[0];
  return tied.find((id) => id > lastAssigned) ?? tied[0];
}
