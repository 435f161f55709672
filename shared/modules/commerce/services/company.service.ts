import type { z } from '@hono/zod-openapi';
import type { CompanyProfile, CompanyProfilePutSchema, PaymentInstructionsPutSchema, PaymentInstructionsView } from '../schemas/company.schema';
import type { PaymentInstructions } from '../domain/company-profile';
import type { Actor } from '../../identity/domain/identity';
import { adminPolicy } from '../../identity/policy';
import { paymentInstructionsPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { NotFoundError, ValidationError } from '../../../platform/errors';
import type { CompanyProfileRow } from '../db/company-profile.entity';
import { companyProfileRepository } from '../db/company-profile.repository';
import { toCompanyProfile } from './commerce-views';

function toPaymentInstructions({ payment, version, updatedAt }: CompanyProfileRow): PaymentInstructionsView {
  return { bankName: payment?.bankName ?? '', accountNumber: payment?.accountNumber ?? '', accountHolder: payment?.accountHolder ?? '', version, updatedAt };
}

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

  /** The payment instructions invoices carry, for staff (empty fields when none are set). */
  async paymentInstructions(actor: Actor): Promise<PaymentInstructionsView> {
    enforce(paymentInstructionsPolicy.read(actor), 'Payment instructions');
    const row = await companyProfileRepository.get();
    if (!row) throw new NotFoundError('Company profile');
    return toPaymentInstructions(row);
  },

  /** Admin: set all three fields, or clear all three so invoices show no payment block. */
  async replacePaymentInstructions(actor: Actor, version: number, input: z.infer<typeof PaymentInstructionsPutSchema>): Promise<PaymentInstructionsView> {
    enforce(paymentInstructionsPolicy.write(actor), 'Payment instructions');
    const { bankName, accountNumber, accountHolder } = input;
    const filled = [bankName, accountNumber, accountHolder].filter(Boolean).length;
    if (filled !== 0 && filled !== 3) throw new ValidationError('Give the bank, the account number and the account holder, or none of them.', undefined, 'payment_instructions_incomplete');
    const payment: PaymentInstructions | null = filled === 3 ? { bankName, accountNumber, accountHolder } : null;
    return toPaymentInstructions(await companyProfileRepository.replacePayment(payment, version));
  },
};

/** The company's payment instructions with the invoice number as the reference, or nothing when none are set. */
export async function invoicePayment(invoiceNumber: string): Promise<(PaymentInstructions & { reference: string }) | undefined> {
  const payment = (await companyProfileRepository.get())?.payment;
  return payment ? { ...payment, reference: invoiceNumber } : undefined;
}
