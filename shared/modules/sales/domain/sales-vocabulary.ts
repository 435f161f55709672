/** The fixed vocabularies of sales force automation, shared by zod schemas and ElectroDB entities. */
export const LEAD_STATUSES = ['new', 'qualified', 'disqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_SOURCES = ['web', 'referral', 'partner', 'event', 'phone', 'email', 'import', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const ACTIVITY_TYPES = ['call', 'meeting', 'task', 'email', 'note'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_STATUSES = ['planned', 'done'] as const;
export const ACTIVITY_DIRECTIONS = ['inbound', 'outbound'] as const;
/** What an activity can be about. */
export const RELATED_TYPES = ['lead', 'contact', 'account', 'opportunity'] as const;
export type RelatedType = (typeof RELATED_TYPES)[number];

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'confirmed', 'cancelled'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const ORDER_STATUSES = ['confirmed', 'in_progress', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const INVOICE_STATUSES = ['issued', 'paid', 'overdue', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** The default pipeline (API.md): id, name, default probability, and whether it closes the deal. */
export const DEFAULT_STAGES = [
  { id: 'new', name: 'New', probability: 10, isWon: false, isLost: false },
  { id: 'qualified', name: 'Qualified', probability: 25, isWon: false, isLost: false },
  { id: 'proposition', name: 'Proposition', probability: 50, isWon: false, isLost: false },
  { id: 'negotiation', name: 'Negotiation', probability: 75, isWon: false, isLost: false },
  { id: 'won', name: 'Won', probability: 100, isWon: true, isLost: false },
  { id: 'lost', name: 'Lost', probability: 0, isWon: false, isLost: true },
] as const;
