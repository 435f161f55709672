import type { CompanyProfileContent, PaymentInstructions } from '../domain/company-profile';
import { nowIso } from '../../../platform/clock';
import { patchIfVersion } from '../../../platform/db/versioned-update';
import { CompanyProfileEntity, type CompanyProfileRow } from './company-profile.entity';

export const companyProfileRepository = {
  /** The company's one profile, once written. */
  async get(): Promise<CompanyProfileRow | undefined> {
    const { data } = await CompanyProfileEntity().get({ profileId: 'company' }).go();
    return data ?? undefined;
  },

  async create(content: CompanyProfileContent, payment?: PaymentInstructions): Promise<CompanyProfileRow> {
    const row: CompanyProfileRow = { profileId: 'company', content, ...(payment ? { payment } : {}), version: 1, updatedAt: nowIso() };
    await CompanyProfileEntity().create(row).go();
    return row;
  },

  replace(content: CompanyProfileContent, expectedVersion: number): Promise<CompanyProfileRow> {
    return patchIfVersion(() => CompanyProfileEntity().patch({ profileId: 'company' }), 'Company profile', expectedVersion, { content });
  },

  /** Sets the payment instructions, or removes them (`null`). */
  replacePayment(payment: PaymentInstructions | null, expectedVersion: number): Promise<CompanyProfileRow> {
    return patchIfVersion(() => CompanyProfileEntity().patch({ profileId: 'company' }), 'Company profile', expectedVersion, { payment });
  },
};
