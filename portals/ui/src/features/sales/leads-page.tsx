import { createSignal, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { LEAD_STATUS_OPTIONS, type Lead, type LeadStatus, type User } from '../../api/types';
import { CreateDialog, ListToolbar } from '../../kit/create-dialog';
import { ExportButton } from '../../kit/export-button';
import { FilterTabs } from '../../kit/filter-tabs';
import { LeadForm, toLeadCreate } from './lead-form';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { leadSourceLabel, leadStatusLabel, leadUrl } from './sales';
import { StaffShell } from '../../kit/staff-shell';
import { formatDate } from '../../kit/format';
import { t } from '../../kit/i18n';
import './texts';

type Filter = LeadStatus | 'all';
const FILTERS: Filter[] = ['all', ...LEAD_STATUS_OPTIONS];

/** Who may import leads from CSV: sales and marketing (admin holds every role), as the API's lead import policy says. */
const canImportLeads = (me: User) => me.roles.some((role) => role === 'admin' || role === 'sales' || role === 'marketing');

function LeadsList(props: { canImport: boolean }) {
  const [creating, setCreating] = createSignal(false);
  const { list, params: filter, choose } = usePagedList<Lead, Filter>('all', (status, cursor) =>
    api.leads.list({ status: status === 'all' ? undefined : status, cursor, limit: 25 }),
  );
  return (
    <div class="stack">
      <ListToolbar
        newLabel={t('sales.lead.new')}
        onNew={() => setCreating(true)}
        actions={
          <>
            <ExportButton source="leads" filter={() => ({ status: filter() === 'all' ? undefined : filter() })} />
            <Show when={props.canImport}>
              <a class="button button-secondary" href="/leads/import/">
                {t('sales.lead.importCsv')}
              </a>
            </Show>
          </>
        }
      >
        <FilterTabs
          groupLabel={t('sales.lead.statusFilter')}
          options={FILTERS}
          value={filter()}
          onChange={choose}
          label={(option) => (option === 'all' ? t('common.all') : leadStatusLabel(option))}
        />
      </ListToolbar>
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={filter() === 'all' ? t('sales.lead.empty') : t('sales.lead.emptyStatus', { status: leadStatusLabel(filter() as LeadStatus) })}
        columns={[
          t('common.title'),
          t('common.company'),
          t('sales.lead.contactName'),
          t('sales.lead.source'),
          t('common.status'),
          { label: t('sales.lead.score'), class: 'numeric' },
          t('common.updated'),
        ]}
        row={(lead) => (
          <>
            <th scope="row">
              <a href={leadUrl(lead.id)}>{lead.title}</a>
              <Show when={(lead.duplicates ?? []).length > 0}>
                {' '}
                <span class="badge badge-warning">{t('sales.lead.possibleDuplicate')}</span>
              </Show>
            </th>
            <td>{lead.companyName ?? t('common.none')}</td>
            <td>{lead.contactName}</td>
            <td>{leadSourceLabel(lead.source)}</td>
            <td>
              <span class={`badge status-${lead.status}`}>{leadStatusLabel(lead.status)}</span>
            </td>
            <td class="numeric">{lead.score}</td>
            <td>{formatDate(lead.updatedAt)}</td>
          </>
        )}
      />
      <CreateDialog
        open={creating()}
        onClose={() => setCreating(false)}
        title={t('sales.lead.new')}
        submitLabel={t('sales.lead.create')}
        form={LeadForm}
        create={async (values, key) => leadUrl((await api.leads.create(toLeadCreate(values), key)).id)}
      />
    </div>
  );
}

export function LeadsPage() {
  return (
    <StaffShell current="leads" titleKey="nav.leads">
      {(me) => <LeadsList canImport={canImportLeads(me)} />}
    </StaffShell>
  );
}
