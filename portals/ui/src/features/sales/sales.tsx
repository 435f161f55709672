import { For, Show } from 'solid-js';
import type { ActivityType, ColumnTotal, LeadSource, LeadStatus, Opportunity, Stage } from '../../api/types';
import { formatMoney } from '../../kit/format';
import { t, type MessageKey } from '../../kit/i18n';
import './texts';

// The staff pages' addresses live in ../navigation (the commerce pages need them without the rest of this module).
export { accountUrl, leadUrl, opportunityUrl } from '../../kit/navigation';

export function leadStatusLabel(status: LeadStatus): string {
  return t(`sales.leadStatus.${status}` as MessageKey);
}

export function leadSourceLabel(source: LeadSource): string {
  return t(`sales.leadSource.${source}` as MessageKey);
}

export function activityTypeLabel(type: ActivityType): string {
  return t(`sales.activityType.${type}` as MessageKey);
}

export function opportunityStatusLabel(status: Opportunity['status']): string {
  return t(`sales.opportunityStatus.${status}` as MessageKey);
}

// Stages are data an admin can rename; the defaults still read in the visitor's language.
const DEFAULT_STAGE_NAMES: Record<string, string> = {
  new: 'New',
  qualified: 'Qualified',
  proposition: 'Proposition',
  negotiation: 'Negotiation',
  won: 'Won',
  lost: 'Lost',
};

/** The stage's name, translated while it is still one of the default stages. */
export function stageLabel(stage: Pick<Stage, 'id' | 'name'>): string {
  return DEFAULT_STAGE_NAMES[stage.id] === stage.name ? t(`sales.stage.${stage.id}` as MessageKey) : stage.name;
}

/** The stage's label, or its id while the stages are not loaded (or it was removed). */
export function stageName(stages: readonly Stage[], id: string | undefined): string {
  if (!id) return t('common.none');
  const stage = stages.find((candidate) => candidate.id === id);
  return stage ? stageLabel(stage) : (DEFAULT_STAGE_NAMES[id] ? t(`sales.stage.${id}` as MessageKey) : id);
}

/** The account's name the API adds to every opportunity it answers (undefined only once the account is gone). */
export function accountNameOf(opportunity: Opportunity): string | undefined {
  return opportunity.accountName || undefined;
}

/** Priority 0-3 as stars, with the number for screen readers. */
export function PriorityStars(props: { priority: number }) {
  const label = () => t('sales.opportunity.priorityValue', { n: props.priority });
  return (
    <span class="stars" role="img" aria-label={label()} title={label()}>
      {'★'.repeat(props.priority)}
      <span class="stars-empty" aria-hidden="true">
        {'☆'.repeat(Math.max(0, 3 - props.priority))}
      </span>
    </span>
  );
}

/** Column or forecast sums, one line per currency. */
export function Totals(props: { totals: readonly ColumnTotal[] }) {
  return (
    <Show when={props.totals.length > 0} fallback={<p class="muted totals">{t('sales.pipeline.noDeals')}</p>}>
      <ul class="plain-list totals">
        <For each={props.totals}>
          {(total) => (
            <li>
              {t('sales.pipeline.count', { n: total.count })} · <strong>{formatMoney(total.amount, total.currency)}</strong>
              <br />
              <span class="muted">{t('sales.pipeline.weightedValue', { amount: formatMoney(total.weighted, total.currency) })}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

export const PRIORITY_OPTIONS = [0, 1, 2, 3] as const;

export function priorityOptions() {
  return PRIORITY_OPTIONS.map((n) => ({ value: String(n), label: t(`sales.priority.${n}` as MessageKey) }));
}
