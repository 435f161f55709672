/** English texts of the service metrics (staff pages only); `{name}` marks a parameter. */
export const metricsEn = {
  'metrics.range': 'Period',
  'metrics.from': 'From',
  'metrics.to': 'To',
  'metrics.show': 'Show',
  'metrics.rangeHint': 'Tickets created in this period (at most a year).',
  'metrics.firstResponse': 'First response time',
  'metrics.resolution': 'Resolution time',
  'metrics.compliance': 'SLA compliance',
  'metrics.csat': 'Customer satisfaction',
  'metrics.tickets': 'Tickets',
  'metrics.average': 'Average',
  'metrics.median': 'Median',
  'metrics.csatValue': '{score} of 5',
  'metrics.csatCount': 'from {n} ratings',
  'metrics.byAgent': 'By agent',
  'metrics.byTeam': 'By team',
  'metrics.agent': 'Agent',
  'metrics.team': 'Team',
  'metrics.noData': 'No tickets were created in this period.',
  'metrics.none': '—',
  'metrics.rangeInvalid': 'Choose a start day on or before the end day.',

  'duration.minutes': '{n} min',
  'duration.hours': '{h} h {m} min',
  'duration.days': '{d} d {h} h',

  'error.invalid_range': 'Choose a start day on or before the end day.',
  'error.range_too_long': 'Choose a period of at most a year.',
} as const;

export type MetricsKey = keyof typeof metricsEn;
