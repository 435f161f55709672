import type { MessageKey } from './i18n';
import type { Audience } from '../api/types';

export type PortalId = Audience;

export type Portal = {
  id: PortalId;
  brandKey: MessageKey;
  /** Brand colour; contrast with white text ≥ 4.5:1. */
  color: string;
  /** Where a signed-in user lands. */
  home: string;
  /** Customer and partner portals need a company on registration. */
  askCompany: boolean;
};

export const PORTALS: Record<PortalId, Portal> = {
  staff: { id: 'staff', brandKey: 'portal.staff', color: '#1f4e8c', home: '/', askCompany: false },
  customer: { id: 'customer', brandKey: 'portal.customer', color: '#0f6b5c', home: '/', askCompany: true },
  partner: { id: 'partner', brandKey: 'portal.partner', color: '#8a3b12', home: '/', askCompany: true },
  investor: { id: 'investor', brandKey: 'portal.investor', color: '#5b2a86', home: '/', askCompany: false },
};
