import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Activity, MyDay, Stage, User } from '../../api/types';
import { ActivityItem, DoneDialog } from '../sales/activities';
import { Notice } from '../../kit/alert';
import { LoadedTable, LoadState, useLoaded } from '../../kit/data-table';
import { leadStatusLabel, leadUrl, opportunityUrl, PriorityStars, stageName } from '../sales/sales';
import { StaffShell } from '../../kit/staff-shell';
import { formatDate, formatMoney } from '../../kit/format';
import { t, type MessageKey } from '../../kit/i18n';
import './texts';
import '../sales/texts';

const DAY_PARTS = ['overdue', 'today', 'upcoming'] as const;
type DayPart = (typeof DAY_PARTS)[number];

function MyDayView() {
  const { data: day, setData: setDay, error, load } = useLoaded<MyDay>(async () => {
    const body = await api.activities.myDay();
    return { overdue: body?.overdue ?? [], today: body?.today ?? [], upcoming: body?.upcoming ?? [] };
  });
  const [finishing, setFinishing] = createSignal<Activity>();
  const [notice, setNotice] = createSignal<string>();
  const finished = (done: Activity) => {
    setDay((current) =>
      current && { overdue: current.overdue.filter((a) => a.id !== done.id), today: current.today.filter((a) => a.id !== done.id), upcoming: current.upcoming.filter((a) => a.id !== done.id) },
    );
    setNotice(t('sales.activity.doneSaved'));
  };
  return (
    <section class="stack" aria-labelledby="my-day-title">
      <h2 id="my-day-title">{t('identity.home.myDay')}</h2>
      <Notice message={notice()} />
      <LoadState data={day()} error={error()} onRetry={() => void load()}>
        {(current) => (
          <div class="day-columns">
            <For each={DAY_PARTS}>
              {(part: DayPart) => (
                <section class="card" aria-labelledby={`day-${part}`}>
                  <h3 id={`day-${part}`}>
                    {t(`identity.home.day.${part}` as MessageKey)} <span class="badge">{current()[part].length}</span>
                  </h3>
                  <Show when={current()[part].length > 0} fallback={<p class="empty">{t(`identity.home.day.${part}Empty` as MessageKey)}</p>}>
                    <ol class="timeline">
                      <For each={current()[part]}>{(activity) => <ActivityItem activity={activity} onMarkDone={setFinishing} showRelated />}</For>
                    </ol>
                  </Show>
                </section>
              )}
            </For>
          </div>
        )}
      </LoadState>
      <DoneDialog activity={finishing()} onClose={() => setFinishing(undefined)} onDone={finished} />
    </section>
  );
}

function ListSection(props: { id: string; title: string; href: string; linkLabel: string; children: JSX.Element }) {
  return (
    <section class="stack" aria-labelledby={props.id}>
      <div class="section-header">
        <h2 id={props.id}>{props.title}</h2>
        <a href={props.href}>{props.linkLabel}</a>
      </div>
      {props.children}
    </section>
  );
}

function MyOpportunities(props: { user: User; stages: Stage[] }) {
  const { data: items, error, load } = useLoaded(async () => {
    const page = await api.opportunities.list({ ownerId: props.user.id, limit: 25 });
    return (page?.items ?? []).filter((item) => item.status === 'open');
  });
  return (
    <ListSection id="my-opportunities-title" title={t('identity.home.myOpportunities')} href="/pipeline/" linkLabel={t('identity.home.openPipeline')}>
      <LoadedTable
        items={items()}
        error={error()}
        onRetry={() => void load()}
        empty={t('identity.home.noOpportunities')}
        columns={[
          t('sales.opportunity.name'),
          t('sales.opportunity.stage'),
          { label: t('sales.opportunity.expectedRevenue'), class: 'numeric' },
          { label: t('sales.opportunity.probability'), class: 'numeric' },
          t('sales.opportunity.closeDate'),
          t('common.priority'),
        ]}
        row={(item) => (
          <>
            <th scope="row">
              <a href={opportunityUrl(item.id)}>{item.name}</a>
            </th>
            <td>{stageName(props.stages, item.stage)}</td>
            <td class="numeric">{formatMoney(item.expectedRevenue.amount, item.expectedRevenue.currency)}</td>
            <td class="numeric">{t('sales.opportunity.percent', { n: item.probability })}</td>
            <td>{formatDate(item.expectedCloseDate)}</td>
            <td>
              <PriorityStars priority={item.priority} />
            </td>
          </>
        )}
      />
    </ListSection>
  );
}

function MyLeads(props: { user: User }) {
  const { data: items, error, load } = useLoaded(async () => {
    // The leads still to work: new ones first, then qualified ones.
    const pages = await Promise.all((['new', 'qualified'] as const).map((status) => api.leads.list({ ownerId: props.user.id, status, limit: 10 })));
    return pages.flatMap((page) => page?.items ?? []);
  });
  return (
    <ListSection id="my-leads-title" title={t('identity.home.myLeads')} href="/leads/" linkLabel={t('identity.home.allLeads')}>
      <LoadedTable
        items={items()}
        error={error()}
        onRetry={() => void load()}
        empty={t('identity.home.noLeads')}
        columns={[t('common.title'), t('common.company'), t('common.status'), { label: t('sales.lead.score'), class: 'numeric' }]}
        row={(lead) => (
          <>
            <th scope="row">
              <a href={leadUrl(lead.id)}>{lead.title}</a>
            </th>
            <td>{lead.companyName ?? t('common.none')}</td>
            <td>
              <span class={`badge status-${lead.status}`}>{leadStatusLabel(lead.status)}</span>
            </td>
            <td class="numeric">{lead.score}</td>
          </>
        )}
      />
    </ListSection>
  );
}

function SalesHome(props: { user: User }) {
  const [stages, setStages] = createSignal<Stage[]>([]);
  onMount(() => {
    api.pipeline.stages().then((list) => setStages(Array.isArray(list) ? list : []), () => undefined);
  });
  return (
    <div class="stack">
      <p class="lead">{t('identity.home.welcome', { name: props.user.name })}</p>
      <MyDayView />
      <MyOpportunities user={props.user} stages={stages()} />
      <MyLeads user={props.user} />
    </div>
  );
}

function GeneralHome(props: { user: User }) {
  const links: { href: string; key: MessageKey }[] = [
    { href: '/accounts/', key: 'nav.accounts' },
    { href: '/contacts/', key: 'nav.contacts' },
    { href: '/leads/', key: 'nav.leads' },
    { href: '/pipeline/', key: 'nav.pipeline' },
  ];
  return (
    <div class="stack">
      <p class="lead">{t('identity.home.welcome', { name: props.user.name })}</p>
      <p>{t('identity.home.staffIntro')}</p>
      <ul class="cards">
        <For each={links}>
          {(link) => (
            <li class="card">
              <h2>
                <a href={link.href}>{t(link.key)}</a>
              </h2>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

export function StaffHomePage() {
  return (
    <StaffShell current="home" titleKey="nav.home">
      {(user) => (
        <Show when={user.roles.includes('sales')} fallback={<GeneralHome user={user} />}>
          <SalesHome user={user} />
        </Show>
      )}
    </StaffShell>
  );
}
