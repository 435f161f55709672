import {
  ACCOUNT_TIERS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type ConditionOp,
  type EscalationAction,
  type EscalationCondition,
  type EscalationField,
} from '../../api/types';
import { categoryLabel, channelLabel, priorityLabel, statusLabel } from './ticket';
import { formatNumber } from '../../kit/format';
import { tierLabel, tsa, type ServiceAdminKey } from './texts/service-admin';

// How the settings page reads an escalation rule: one line per condition and per action.

const FIELD: Record<EscalationField, ServiceAdminKey> = {
  openHours: 'field.openHours',
  severity: 'field.severity',
  priority: 'field.priority',
  category: 'field.category',
  channel: 'field.channel',
  status: 'field.status',
  accountTier: 'field.accountTier',
  statusChanged: 'field.statusChanged',
  assigned: 'field.assigned',
  breached: 'field.breached',
};

const OP: Record<ConditionOp, ServiceAdminKey> = { eq: 'op.eq', ne: 'op.ne', lt: 'op.lt', lte: 'op.lte', gt: 'op.gt', gte: 'op.gte', in: 'op.in' };

/** Yes/no facts read as a sentence ("The status has not changed since opening") instead of "… is No". */
const FACT: Partial<Record<EscalationField, { true: ServiceAdminKey; false: ServiceAdminKey }>> = {
  statusChanged: { true: 'fact.statusChanged', false: 'fact.statusUnchanged' },
  assigned: { true: 'fact.assigned', false: 'fact.unassigned' },
  breached: { true: 'fact.breached', false: 'fact.notBreached' },
};

const known = <T extends string>(options: readonly T[], value: string): value is T => (options as readonly string[]).includes(value);

function valueText(field: EscalationField, value: string | number | boolean): string {
  if (typeof value === 'boolean') return tsa(value ? 'admin.yes' : 'admin.no');
  if (typeof value === 'number') return formatNumber(value);
  if (field === 'priority' && known(TICKET_PRIORITIES, value)) return priorityLabel(value);
  if (field === 'status' && known(TICKET_STATUSES, value)) return statusLabel(value);
  if (field === 'channel' && known(TICKET_CHANNELS, value)) return channelLabel(value);
  if (field === 'accountTier' && known(ACCOUNT_TIERS, value)) return tierLabel(value);
  if (field === 'category') return categoryLabel(value);
  return value;
}

/** "Hours open is at least 20", "Account tier is High", "The status has not changed since opening". */
export function conditionText(condition: EscalationCondition): string {
  const { field, op, value } = condition;
  const fact = FACT[field];
  if (fact && typeof value === 'boolean' && (op === 'eq' || op === 'ne')) {
    const holds = op === 'eq' ? value : !value;
    return tsa(holds ? fact.true : fact.false);
  }
  const shown = Array.isArray(value) ? value.map((item) => valueText(field, item)).join(', ') : valueText(field, value);
  return tsa('settings.condition', { field: tsa(FIELD[field]), op: tsa(OP[op]), value: shown });
}

/** Each thing a rule does, as a line: who it notifies, the note it adds. */
export function actionTexts(action: EscalationAction): string[] {
  if (action.type === 'add_internal_note') return [action.body ? tsa('action.noteWith', { body: action.body }) : tsa('action.note')];
  return [...(action.role === 'service_manager' ? [tsa('action.notifyManagers')] : []), ...(action.emails?.length ? [tsa('action.notifyEmails', { emails: action.emails.join(', ') })] : [])];
}
