import {
  ACCOUNT_TIERS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type ConditionOp,
  type EscalationAction,
  type EscalationCondition,
  type EscalationField,
} from '../../../api/types';
import { categoryLabel, channelLabel, priorityLabel, statusLabel, tierLabel } from '../ticket';
import { formatNumber } from '../../../kit/format';
import { t, type MessageKey } from '../../../kit/i18n';
import '../texts';
import './texts';

// How the settings page reads an escalation rule: one line per condition and per action.

const FIELD: Record<EscalationField, MessageKey> = {
  openHours: 'desk.field.openHours',
  severity: 'desk.ticket.severity',
  priority: 'common.priority',
  category: 'common.category',
  channel: 'desk.ticket.channel',
  status: 'common.status',
  accountTier: 'desk.field.accountTier',
  statusChanged: 'desk.field.statusChanged',
  assigned: 'desk.field.assigned',
  breached: 'desk.field.breached',
};

const OP: Record<ConditionOp, MessageKey> = { eq: 'desk.op.eq', ne: 'desk.op.ne', lt: 'desk.op.lt', lte: 'desk.op.lte', gt: 'desk.op.gt', gte: 'desk.op.gte', in: 'desk.op.in' };

/** Yes/no facts read as a sentence ("The status has not changed since opening") instead of "… is No". */
const FACT: Partial<Record<EscalationField, { true: MessageKey; false: MessageKey }>> = {
  statusChanged: { true: 'desk.fact.statusChanged', false: 'desk.fact.statusUnchanged' },
  assigned: { true: 'desk.fact.assigned', false: 'desk.fact.unassigned' },
  breached: { true: 'desk.fact.breached', false: 'desk.fact.notBreached' },
};

const known = <T extends string>(options: readonly T[], value: string): value is T => (options as readonly string[]).includes(value);

function valueText(field: EscalationField, value: string | number | boolean): string {
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
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
    return t(holds ? fact.true : fact.false);
  }
  const shown = Array.isArray(value) ? value.map((item) => valueText(field, item)).join(', ') : valueText(field, value);
  return t('desk.settings.condition', { field: t(FIELD[field]), op: t(OP[op]), value: shown });
}

/** Each thing a rule does, as a line: who it notifies, the note it adds. */
export function actionTexts(action: EscalationAction): string[] {
  if (action.type === 'add_internal_note') return [action.body ? t('desk.action.noteWith', { body: action.body }) : t('desk.action.note')];
  return [...(action.role === 'service_manager' ? [t('desk.action.notifyManagers')] : []), ...(action.emails?.length ? [t('desk.action.notifyEmails', { emails: action.emails.join(', ') })] : [])];
}
