import { For, Show } from 'solid-js';
import { api } from '../api/endpoints';
import { TICKET_PRIORITIES, type SlaPolicy, type User } from '../api/types';
import { MessageAlert } from '../components/alert';
import { PagedTable, usePagedList } from '../components/paged-table';
import { formatMinutes } from '../components/duration';
import { StaffShell } from '../components/staff-shell';
import { categoryLabel, channelLabel, priorityLabel } from '../components/ticket';
import { tm } from '../i18n/metrics';
import { isAdmin } from '../session';

/** What a policy covers: its categories, channels and account tiers, or every ticket. */
function appliesTo(policy: SlaPolicy): string {
  const { categories = [], channels = [], accountTiers = [] } = policy.appliesTo;
  const parts = [...categories.map(categoryLabel), ...channels.map(channelLabel), ...accountTiers];
  return parts.length > 0 ? parts.join(', ') : tm('slaDesk.everything');
}

function Policies() {
  const { list } = usePagedList<SlaPolicy, null>(null, (_, cursor) => api.slaPolicies.list({ cursor, limit: 25 }));
  return (
    <div class="stack">
      <p>{tm('slaDesk.intro')}</p>
      <div class="table-scroll">
        <PagedTable
          list={list}
          emptyHidesOnError
          empty={tm('slaDesk.empty')}
          columns={[tm('slaDesk.name'), { label: tm('slaDesk.rank'), class: 'numeric' }, tm('slaDesk.active'), tm('slaDesk.appliesTo'), tm('slaDesk.timeZone'), tm('slaDesk.targets')]}
          row={(policy) => (
            <>
              <th scope="row">{policy.name}</th>
              <td class="numeric">{policy.rank}</td>
              <td>{policy.active ? tm('slaDesk.yes') : tm('slaDesk.no')}</td>
              <td>{appliesTo(policy)}</td>
              <td>{policy.timeZone}</td>
              <td>
                <ul class="plain-list">
                  <For each={TICKET_PRIORITIES}>
                    {(priority) => (
                      <li>
                        {tm('slaDesk.target', {
                          priority: priorityLabel(priority),
                          first: formatMinutes(policy.targets[priority].firstResponseMinutes),
                          resolution: formatMinutes(policy.targets[priority].resolutionMinutes),
                        })}
                      </li>
                    )}
                  </For>
                </ul>
              </td>
            </>
          )}
        />
      </div>
    </div>
  );
}

/** The SLA policies (administrators): what each covers and its targets per priority. */
export function SlaPoliciesPage() {
  return (
    <StaffShell current="sla-policies" titleKey="nav.slaPolicies">
      {(me: User) => (
        <Show when={isAdmin(me)} fallback={<MessageAlert message={tm('slaDesk.adminOnly')} />}>
          <Policies />
        </Show>
      )}
    </StaffShell>
  );
}
