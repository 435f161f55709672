import { For, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { LoadedTable, LoadState, useLoaded } from '../../kit/data-table';
import { formatDateTime, formatNumber } from '../../kit/format';
import { t, type MessageKey } from '../../kit/i18n';
import './texts';

/** How many staff logins the counts read; more shows as "100+". */
const COUNT_LIMIT = 100;

// No staff page edits the company profile yet, so that check links nowhere.
type Check = { key: MessageKey; ok: boolean; href?: string };

/** The admin part of the staff home: staff logins by status, whether the settings are complete, the latest sign-ins. */
export default function AdminHome() {
  const users = useLoaded(async () => {
    const page = await api.users.list({ audience: 'staff', limit: COUNT_LIMIT });
    const items = page?.items ?? [];
    return { total: items.length, disabled: items.filter((u) => u.status === 'disabled').length, pending: items.filter((u) => u.status === 'pending').length, more: Boolean(page?.nextCursor) };
  });
  const health = useLoaded(async (): Promise<Check[]> => {
    const [policies, company] = await Promise.all([api.slaPolicies.list({ limit: 1 }), api.company.get().catch(() => undefined)]);
    return [
      { key: 'identity.adminHome.slaPolicy', ok: (policies?.items ?? []).length > 0, href: '/sla-policies/' },
      { key: 'identity.adminHome.companyProfile', ok: Boolean(company?.name && company.overview.en && company.overview.id) },
    ];
  });
  const signIns = useLoaded(async () => (await api.users.signIns())?.items ?? []);
  const count = (n: number, more = false) => `${formatNumber(n)}${more ? '+' : ''}`;
  return (
    <section class="stack" aria-labelledby="admin-home-title">
      <div class="section-header">
        <h2 id="admin-home-title">{t('identity.adminHome.title')}</h2>
        <a href="/users/">{t('identity.adminHome.users')}</a>
      </div>
      <LoadState data={users.data()} error={users.error()} onRetry={() => void users.load()}>
        {(current) => (
          <ul class="cards">
            <li class="card">
              <h3>{t('identity.adminHome.staffLogins')}</h3>
              <p style={{ 'font-size': '1.6rem', 'font-weight': '700', margin: '0' }}>{count(current().total, current().more)}</p>
            </li>
            <li class="card">
              <h3>{t('identity.status.disabled')}</h3>
              <p style={{ 'font-size': '1.6rem', 'font-weight': '700', margin: '0' }}>{count(current().disabled)}</p>
            </li>
            <li class="card">
              <h3>{t('identity.status.pending')}</h3>
              <p style={{ 'font-size': '1.6rem', 'font-weight': '700', margin: '0' }}>{count(current().pending)}</p>
            </li>
          </ul>
        )}
      </LoadState>
      <h3>{t('identity.adminHome.health')}</h3>
      <LoadState data={health.data()} error={health.error()} onRetry={() => void health.load()}>
        {(checks) => (
          <ul class="stack" style={{ 'list-style': 'none', padding: '0' }}>
            <For each={checks()}>
              {(check) => (
                <li>
                  <span class={`badge ${check.ok ? 'status-active' : 'status-disabled'}`}>{t(check.ok ? 'identity.adminHome.ok' : 'identity.adminHome.missing')}</span> <Show when={check.href} fallback={t(check.key)}>
                    {(href) => <a href={href()}>{t(check.key)}</a>}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </LoadState>
      <h3>{t('identity.adminHome.signIns')}</h3>
      <div class="table-scroll">
        <LoadedTable
          items={signIns.data()}
          error={signIns.error()}
          onRetry={() => void signIns.load()}
          empty={t('identity.adminHome.noSignIns')}
          columns={[t('common.name'), t('common.email'), t('identity.adminHome.portal'), t('identity.adminHome.at')]}
          row={(signIn) => (
            <>
              <th scope="row">{signIn.name || t('common.none')}</th>
              <td>{signIn.email}</td>
              <td>{signIn.audience ? t(`identity.adminHome.audience.${signIn.audience}`) : t('common.none')}</td>
              <td>{formatDateTime(signIn.at)}</td>
            </>
          )}
        />
      </div>
    </section>
  );
}
