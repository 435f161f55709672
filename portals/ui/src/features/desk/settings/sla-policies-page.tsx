import { createSignal, For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { api } from '../../../api/endpoints';
import { TICKET_PRIORITIES, type SlaPolicy, type User } from '../../../api/types';
import { MessageAlert, Notice } from '../../../kit/alert';
import { ListToolbar } from '../../../kit/create-dialog';
import { LoadState } from '../../../kit/data-table';
import { formatMinutes } from '../duration';
import { PagedTable, usePagedList } from '../../../kit/paged-table';
import { StaffShell } from '../../../kit/staff-shell';
import { categoryLabel, channelLabel, priorityLabel, tierLabel } from '../ticket';
import { t } from '../../../kit/i18n';
import { isAdmin } from '../../../kit/session';
import '../texts';
import './texts';

// The form is most of the page's code: it loads when first opened, so the list alone stays light.
const editorModule = () => import('./sla-policy-editor');
type EditorModule = Awaited<ReturnType<typeof editorModule>>;

/** What a policy covers: its categories, channels and account tiers, or every ticket. */
function appliesTo(policy: SlaPolicy): string {
  const { categories = [], channels = [], accountTiers = [] } = policy.appliesTo;
  const parts = [...categories.map(categoryLabel), ...channels.map(channelLabel), ...accountTiers.map((tier) => t('desk.slaPolicy.tierAccounts', { tier: tierLabel(tier) }))];
  return parts.length > 0 ? parts.join(', ') : t('desk.slaPolicy.everything');
}

function Policies() {
  const { list } = usePagedList<SlaPolicy, null>(null, (_, cursor) => api.slaPolicies.list({ cursor, limit: 25 }));
  // undefined: the list; null: a new policy; an id: that policy's form.
  const [editing, setEditing] = createSignal<string | null>();
  const [notice, setNotice] = createSignal<string>();
  const [editor, setEditor] = createSignal<EditorModule>();
  const [editorError, setEditorError] = createSignal<unknown>();
  const loadEditor = () => {
    setEditorError(undefined);
    editorModule().then(setEditor, setEditorError);
  };
  const open = (id: string | null) => {
    setNotice(undefined);
    setEditing(id);
    if (!editor()) loadEditor();
  };
  const close = () => {
    setEditing(undefined);
    document.getElementById('main')?.focus();
  };
  const saved = (policy: SlaPolicy, created: boolean) => {
    setNotice(t(created ? 'desk.slaPolicy.created' : 'desk.slaPolicy.saved', { name: policy.name }));
    close();
    void list.reload();
  };
  return (
    <div class="stack">
      <Notice message={notice()} />
      <Show
        when={editing() !== undefined}
        fallback={
          <>
            <ListToolbar newLabel={t('desk.slaPolicy.new')} onNew={() => open(null)}>
              <p>{t('desk.slaPolicy.intro')}</p>
            </ListToolbar>
            <PagedTable
              list={list}
              emptyHidesOnError
              empty={t('desk.slaPolicy.empty')}
              columns={[
                t('desk.slaPolicy.name'),
                { label: t('desk.slaPolicy.rank'), class: 'numeric' },
                t('common.active'),
                t('desk.slaPolicy.appliesTo'),
                t('desk.slaPolicy.timeZone'),
                t('desk.slaPolicy.targets'),
                t('common.actions'),
              ]}
              row={(policy) => (
                <>
                  <th scope="row">{policy.name}</th>
                  <td class="numeric">{policy.rank}</td>
                  <td>{policy.active ? t('common.yes') : t('common.no')}</td>
                  <td>{appliesTo(policy)}</td>
                  <td>{policy.timeZone}</td>
                  <td>
                    <ul class="plain-list">
                      <For each={TICKET_PRIORITIES}>
                        {(priority) => (
                          <li>
                            {t('desk.slaPolicy.target', {
                              priority: priorityLabel(priority),
                              first: formatMinutes(policy.targets[priority].firstResponseMinutes),
                              resolution: formatMinutes(policy.targets[priority].resolutionMinutes),
                            })}
                          </li>
                        )}
                      </For>
                    </ul>
                  </td>
                  <td>
                    <button type="button" class="button button-secondary" onClick={() => open(policy.id)}>
                      {t('common.edit')}
                      <span class="visually-hidden"> {policy.name}</span>
                    </button>
                  </td>
                </>
              )}
            />
          </>
        }
      >
        <LoadState data={editor()} error={editorError()} onRetry={loadEditor}>
          {(module) => <Dynamic component={module().PolicyPanel} id={editing() ?? null} onSaved={saved} onCancel={close} />}
        </LoadState>
      </Show>
    </div>
  );
}

/** The SLA policies (administrators): what each covers and its targets per priority; create and edit them. */
export function SlaPoliciesPage() {
  return (
    <StaffShell current="sla-policies" titleKey="nav.slaPolicies">
      {(me: User) => (
        <Show when={isAdmin(me)} fallback={<MessageAlert message={t('desk.slaPolicy.adminOnly')} />}>
          <Policies />
        </Show>
      )}
    </StaffShell>
  );
}
