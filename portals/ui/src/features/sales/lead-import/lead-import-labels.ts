import type { ImportField, LeadImportRowError } from '../../../api/types';
import { formatNumber, intlLocale } from '../../../kit/format';
import { t, type MessageKey } from '../../../kit/i18n';
import '../texts';
import './texts';

// The lead import screen's words for the API's values: field names, sizes and row errors.

const FIELD_LABEL: Record<ImportField, MessageKey> = {
  title: 'common.title',
  contactName: 'sales.lead.contactName',
  email: 'common.email',
  companyName: 'common.company',
  phone: 'common.phone',
  source: 'sales.lead.source',
  memo: 'sales.lead.memo',
  productInterest: 'sales.lead.productInterest',
  territory: 'sales.lead.territory',
};

/** A lead field's name in the visitor's language. */
export const fieldLabel = (field: ImportField) => t(FIELD_LABEL[field]);
/** Bytes as megabytes with one decimal, rounded up: a file just over the limit never reads as "5 MB". */
export const megabytes = (bytes: number) => t('sales.import.megabytes', { n: new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(Math.ceil(bytes / 104_857.6) / 10) });
const SIMPLE_ROW_ERRORS = new Set(['required', 'invalid_email', 'lead_converted', 'version_conflict', 'upload_failed']);

/** A row error in the visitor's language; the API's English where its code is not known here. */
export function rowErrorText(error: LeadImportRowError): string {
  if (SIMPLE_ROW_ERRORS.has(error.code)) return t(`sales.rowError.${error.code}` as 'sales.rowError.required');
  if (error.code === 'too_long' && error.maxLength !== undefined) return t('sales.rowError.too_long', { max: formatNumber(error.maxLength) });
  if (error.code === 'invalid_source' && error.value !== undefined) return t('sales.rowError.invalid_source', { value: error.value });
  return error.message;
}
