import { createEffect, createSignal, on, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Account, Opportunity } from '../../api/types';
import { Dialog } from '../../kit/dialog';
import { quoteUrl } from './documents';
import { Field, SelectField } from '../../kit/field';
import { createDialogForm, FormFooter } from '../../kit/form-footer';
import { AccountPicker } from '../../kit/search-picker';
import { parseCurrency } from '../../kit/money-input';
import { t } from '../../kit/i18n';
import './texts';

/** The account and opportunity a quote starts from (the opportunity page's "Create quote"). */
export type QuoteStart = { account: Pick<Account, 'id' | 'name'>; opportunity?: Pick<Opportunity, 'id' | 'name'> };

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

type NewQuoteDialogProps = { open: boolean; onClose: () => void; start?: QuoteStart };

/** "New quote": the account (searched), optionally one of its open opportunities, currency and validity; then the editor. */
export function NewQuoteDialog(props: NewQuoteDialogProps) {
  const [account, setAccount] = createSignal<Pick<Account, 'id' | 'name'>>();
  const [opportunities, setOpportunities] = createSignal<Opportunity[]>([]);
  const [opportunityId, setOpportunityId] = createSignal('');
  const [currency, setCurrency] = createSignal('IDR');
  const [validUntil, setValidUntil] = createSignal(inDays(30));
  const form = createDialogForm(() => props.onClose());

  createEffect(
    on(
      () => props.start,
      (start) => {
        if (!start) return;
        setAccount(start.account);
        setOpportunityId(start.opportunity?.id ?? '');
      },
    ),
  );
  // The open opportunities of the chosen account, to tie the quote to one (it is won on confirmation).
  createEffect(
    on(account, (chosen) => {
      setOpportunities([]);
      if (!chosen) return;
      api.opportunities.list({ accountId: chosen.id, limit: 100 }).then(
        (page) => {
          if (account()?.id === chosen.id) setOpportunities(page.items.filter((item) => item.status === 'open'));
        },
        () => undefined,
      );
    }),
  );
  const options = () => {
    const list = opportunities().map((item) => ({ value: item.id, label: item.name }));
    const preset = props.start?.opportunity;
    if (preset && !list.some((item) => item.value === preset.id)) list.unshift({ value: preset.id, label: preset.name });
    return [{ value: '', label: t('commerce.quote.noOpportunity') }, ...list];
  };
  const submit = form.onSubmit(async () => {
    const chosen = account();
    if (!chosen) return form.setProblem(t('accounts.pick'));
    const code = parseCurrency(currency());
    if (!code) return form.setProblem(t('commerce.doc.currencyInvalid'));
    await form.submission.run(async (key) => {
      const quote = await api.quotes.create(
        { accountId: chosen.id, ...(opportunityId() ? { opportunityId: opportunityId() } : {}), currency: code, lines: [], ...(validUntil() ? { validUntil: validUntil() } : {}) },
        key,
      );
      window.location.assign(quoteUrl(quote.id));
    });
  });
  return (
    <Dialog open={props.open} title={t('commerce.quote.new')} onClose={form.close}>
      <form class="form" onSubmit={submit}>
        <Show when={props.start?.opportunity}>
          {(opportunity) => <p>{t('commerce.quote.fromOpportunity', { name: opportunity().name, account: props.start?.account.name ?? '' })}</p>}
        </Show>
        <AccountPicker
          selected={account()}
          onSelect={(picked) => {
            setAccount(picked);
            setOpportunityId('');
          }}
        />
        <Show when={account()}>
          <SelectField label={t('common.opportunity')} name="opportunityId" value={opportunityId()} onChange={setOpportunityId} options={options()} />
        </Show>
        <Field label={t('commerce.doc.currency')} name="currency" required maxLength={3} hint={t('commerce.doc.currencyHint')} value={currency()} onInput={setCurrency} />
        <Field label={t('commerce.quote.validUntil')} name="validUntil" type="date" value={validUntil()} onInput={setValidUntil} />
        <FormFooter problem={form.problem()} submission={form.submission} label={t('common.createQuote')} busyLabel={t('common.creating')} />
      </form>
    </Dialog>
  );
}
