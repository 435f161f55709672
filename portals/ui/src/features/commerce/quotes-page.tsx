import { createSignal, onMount } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Quote } from '../../api/types';
import { ErrorAlert } from '../../kit/alert';
import { AccountLink, accountName } from './commerce';
import { ListToolbar } from '../../kit/create-dialog';
import { quoteUrl, StatusBadge } from './documents';
import { NewQuoteDialog, type QuoteStart } from './new-quote-dialog';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { StaffShell } from '../../kit/staff-shell';
import { formatDate, formatMoney } from '../../kit/format';
import { t } from '../../kit/i18n';
import { queryParam } from '../../kit/navigation';
import './texts';

/** The quote start named in the address (`?opportunityId=`, from the opportunity page), if any. */
async function startFromAddress(): Promise<QuoteStart | undefined> {
  const opportunityId = queryParam('opportunityId');
  if (!opportunityId) return undefined;
  const opportunity = await api.opportunities.get(opportunityId);
  const account = await api.accounts.get(opportunity.accountId).catch(() => ({ id: opportunity.accountId, name: accountName(opportunity.accountId) ?? '' }));
  return { account: { id: account.id, name: account.name }, opportunity: { id: opportunity.id, name: opportunity.name } };
}

function QuotesList() {
  const [creating, setCreating] = createSignal(false);
  const [start, setStart] = createSignal<QuoteStart>();
  const [startError, setStartError] = createSignal<unknown>();
  const { list } = usePagedList<Quote, null>(null, (_, cursor) => api.quotes.list({ cursor, limit: 25 }));
  onMount(() => {
    startFromAddress().then(
      (found) => {
        if (!found) return;
        setStart(found);
        setCreating(true);
      },
      setStartError,
    );
  });
  return (
    <div class="stack">
      <ListToolbar newLabel={t('commerce.quote.new')} onNew={() => setCreating(true)}>
        {null}
      </ListToolbar>
      <ErrorAlert error={startError()} />
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={t('commerce.quote.empty')}
        columns={[
          t('commerce.doc.quote'),
          t('common.account'),
          t('common.status'),
          { label: t('common.total'), class: 'numeric' },
          t('commerce.quote.validUntil'),
          t('common.updated'),
        ]}
        row={(quote) => (
          <>
            <th scope="row">
              <a href={quoteUrl(quote.id)}>{quote.number}</a>
            </th>
            <td>
              <AccountLink id={quote.accountId} name={quote.accountName} />
            </td>
            <td>
              <StatusBadge kind="quote" status={quote.status} />
            </td>
            <td class="numeric">{formatMoney(quote.total, quote.currency)}</td>
            <td>{formatDate(quote.validUntil)}</td>
            <td>{formatDate(quote.updatedAt)}</td>
          </>
        )}
      />
      <NewQuoteDialog open={creating()} start={start()} onClose={() => setCreating(false)} />
    </div>
  );
}

export function QuotesPage() {
  return (
    <StaffShell current="quotes" titleKey="nav.quotes">
      {() => <QuotesList />}
    </StaffShell>
  );
}
