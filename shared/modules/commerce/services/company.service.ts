import type { z } from '@hono/zod-openapi';
import type { CompanyProfile, CompanyProfilePutSchema } from '../schemas/company.schema';
import type { Actor } from '../../identity/domain/identity';
import { adminPolicy } from '../../identity/policy';
import { enforce } from '../../../platform/access';
import { NotFoundError } from '../../../platform/errors';
import { companyProfileRepository } from '../db/company-profile.repository';
import { toCompanyProfile } from './commerce-views';

export const companyService = {
  /** Public: the investor portal shows it to anyone. */
  async profile(): Promise<CompanyProfile> {
    const row = await companyProfileRepository.get();
    if (!row) throw new NotFoundError('Company profile');
    return toCompanyProfile(row);
  },

  async replace(actor: Actor, version: number, input: z.infer<typeof CompanyProfilePutSchema>): Promise<CompanyProfile> {
    enforce(adminPolicy.editCompanyProfile(actor), 'Company profile');
    const { version: _bodyVersion, ...content } = input;
    return toCompanyProfile(await companyProfileRepository.replace(content, version));
  },
};
