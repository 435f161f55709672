import type { DocumentLine } from '../../schemas/quote.schema';
import { accountRepository } from '../../db/repositories/account.repository';
import { companyProfileRepository } from '../../db/repositories/company-profile.repository';
import type { SalesDocumentView } from './sales-document.pdf';

type Document = { number: string; accountId: string; currency: string; lines: DocumentLine[]; subtotal: number; taxTotal: number; total: number; amountDue?: number };

/** What a PDF shows of a document: its figures with the company's and the customer's details. */
export async function documentView(title: string, doc: Document, facts: [string, string][]): Promise<SalesDocumentView> {
  const [company, account] = await Promise.all([companyProfileRepository.get(), accountRepository.get(doc.accountId)]);
  return {
    title,
    number: doc.number,
    facts,
    company: { name: company?.name ?? 'Relasi', tagline: company?.tagline.en },
    customer: { name: account?.name ?? '', address: account?.address, email: account?.email, phone: account?.phone },
    currency: doc.currency,
    lines: doc.lines,
    subtotal: doc.subtotal,
    taxTotal: doc.taxTotal,
    total: doc.total,
    amountDue: doc.amountDue,
  };
}
