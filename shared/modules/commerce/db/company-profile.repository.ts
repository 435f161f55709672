import type { CompanyProfile } from '../schemas/company.schema';
import { nowIso } from '../../../platform/clock';
import { patchIfVersion } from '../../../platform/db/versioned-update';
import { CompanyProfileEntity } from './company-profile.entity';

type Content = Omit<CompanyProfile, 'version' | 'updatedAt'>;

export const companyProfileRepository = {
  async get(): Promise<CompanyProfile | undefined> {
    const { data } = await CompanyProfileEntity().get({ profileId: 'company' }).go();
    return data ? { ...(data.content as Content), version: data.version, updatedAt: data.updatedAt } : undefined;
  },

  async create(content: Content): Promise<CompanyProfile> {
    const updatedAt = nowIso();
    await CompanyProfileEntity().create({ profileId: 'company', content, version: 1, updatedAt }).go();
    return { ...content, version: 1, updatedAt };
  },

  async replace(content: Content, expectedVersion: number): Promise<CompanyProfile> {
    const row = await patchIfVersion<{ content: Content; version: number; updatedAt: string }>(
      () => CompanyProfileEntity().patch({ profileId: 'company' }) as never,
      'Company profile',
      expectedVersion,
      { content },
    );
    return { ...row.content, version: row.version, updatedAt: row.updatedAt };
  },
};
