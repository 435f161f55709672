import { createSignal, For, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { LEAD_STATUS_OPTIONS, type Lead, type LeadStatus, type User } from '../../api/types';
import { CreateDialog, ListToolbar } from '../../kit/create-dialog';
import { LeadForm, toLeadCreate } from './lead-form';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { leadSourceLabel, leadStatusLabel, leadUrl } from './sales';
import { StaffShell } from '../../kit/staff-shell';
import { formatDate } from '../../kit/format';
import { t } from '../../kit/i18n';

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
        newLabel={t('lead.new')}
        onNew={() => setCreating(true)}
        actions={
          <Show when={props.canImport}>
            <a class="button button-secondary" href="/leads/import/">
              {t('lead.importCsv')}
            </a>
          </Show>
        }
      >
        <div class="tabs" role="group" aria-label={t('lead.statusFilter')}>
          <For each={FILTERS}>
            {(option) => (
              <button type="button" class="tab" aria-pressed={filter() === option} onClick={() => choose(option)}>
                {option === 'all' ? t('lead.all') : leadStatusLabel(option)}
              </button>
            )}
          </For>
        </div>
      </ListToolbar>
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={filter() === 'all' ? t('lead.empty') : t('lead.emptyStatus', { status: leadStatusLabel(filter() as LeadStatus) })}
        columns={[
          t('lead.titleField'),
          t('lead.company'),
          t('lead.contactName'),
          t('lead.source'),
          t('lead.status'),
          { label: t('lead.score'), class: 'numeric' },
          t('common.updated'),
        ]}
        row={(lead) => (
          <>
            <th scope="row">
              <a href={leadUrl(lead.id)}>{lead.title}</a>
              <Show when={(lead.duplicates ?? []).length > 0}>
                {' '}
                <span class="badge badge-warning">{t('lead.possibleDuplicate')}</span>
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
        title={t('lead.new')}
        submitLabel={t('lead.create')}
        form={LeadForm}
        create={async (values, key) => leadUrl((await api.leads.create(toLeadCreate(values), key)).id)}
      />
    </div>
  );
}

export function LeadsPage() {
  return (
    <StaffShell current="leads" titleKey="lead.listTitle">
      {(me) => <LeadsList canImport={canImportLeads(me)} />}
    </StaffShell>
  );
}
