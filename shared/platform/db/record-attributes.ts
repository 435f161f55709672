/**
 * The attributes every versioned record carries: `version`, which each update is conditional on
 * (versioned-update.ts), and its creation and last-change times. Spread last into an entity's
 * attributes; `as const` keeps the literal types ElectroDB infers the entity's item type from.
 */
export const RECORD_ATTRIBUTES = {
  version: { type: 'number', required: true },
  createdAt: { type: 'string', required: true, readOnly: true },
  updatedAt: { type: 'string', required: true },
} as const;
