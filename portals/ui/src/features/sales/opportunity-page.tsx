import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { newIdempotencyKey } from '../../api/client';
import { api } from '../../api/endpoints';
import type { Opportunity, OpportunityPatch, Stage, StageChange } from '../../api/types';
import { Activities } from './activities';
import { ErrorAlert, Loading, MessageAlert } from '../../kit/alert';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { Field, SelectField } from '../../kit/field';
import {
  accountNameOf,
  accountUrl,
  opportunityStatusLabel,
  PriorityStars,
  priorityOptions,
  stageLabel,
  stageName,
} from './sales';
import { RecordCard, RecordPage, RecordView, useRecord } from '../../kit/record-view';
import { ReasonDialog } from '../../kit/reason-dialog';
import { formatDate, formatDateTime, formatMoney } from '../../kit/format';
import { t, type MessageKey } from '../../kit/i18n';
import { moneyInputValue, moneyPreview, parseMoneyInput } from '../../kit/money-input';
import { recordUrl } from '../../kit/navigation';
import './texts';

function Details(props: { opportunity: Opportunity; stages: Stage[] }) {
  const money = () => props.opportunity.expectedRevenue;
  return (
    <dl class="details">
      <dt>{t('common.account')}</dt>
      <dd>
        <a href={accountUrl(props.opportunity.accountId)}>{accountNameOf(props.opportunity) ?? t('open.account')}</a>
      </dd>
      <dt>{t('sales.opportunity.contact')}</dt>
      <dd>
        <Show when={props.opportunity.contactId} fallback={t('common.none')}>
          {(id) => <a href={recordUrl('contact', id())}>{props.opportunity.contactName ?? t('nav.contacts')}</a>}
        </Show>
      </dd>
      <dt>{t('sales.opportunity.owner')}</dt>
      <dd>{props.opportunity.ownerName ?? t('common.none')}</dd>
      <dt>{t('sales.opportunity.stage')}</dt>
      <dd>{stageName(props.stages, props.opportunity.stage)}</dd>
      <dt>{t('common.status')}</dt>
      <dd>
        <span class={`badge status-${props.opportunity.status}`}>{opportunityStatusLabel(props.opportunity.status)}</span>
      </dd>
      <dt>{t('sales.opportunity.expectedRevenue')}</dt>
      <dd>{formatMoney(money().amount, money().currency)}</dd>
      <dt>{t('sales.opportunity.probability')}</dt>
      <dd>
        {t('sales.opportunity.percent', { n: props.opportunity.probability })}
        <Show when={props.opportunity.probabilityManual}>
          {' '}
          <span class="muted">({t('sales.opportunity.manual')})</span>
        </Show>
      </dd>
      <dt>{t('sales.pipeline.weighted')}</dt>
      <dd>{formatMoney(Math.round((money().amount * props.opportunity.probability) / 100), money().currency)}</dd>
      <dt>{t('sales.opportunity.closeDate')}</dt>
      <dd>{formatDate(props.opportunity.expectedCloseDate)}</dd>
      <dt>{t('common.priority')}</dt>
      <dd>
        <PriorityStars priority={props.opportunity.priority} />
      </dd>
      <Show when={props.opportunity.lostReason}>
        <dt>{t('sales.opportunity.lostReason')}</dt>
        <dd>{props.opportunity.lostReason}</dd>
      </Show>
      <dt>{t('common.created')}</dt>
      <dd>{formatDate(props.opportunity.createdAt)}</dd>
      <dt>{t('common.updated')}</dt>
      <dd>{formatDate(props.opportunity.updatedAt)}</dd>
    </dl>
  );
}

type EditProps = {
  opportunity: Opportunity;
  stages: Stage[];
  busy: boolean;
  onSubmit: (patch: OpportunityPatch) => void;
  children: JSX.Element;
};

/** Sends only what changed: a probability sent unchanged would still count as set by hand. */
function EditForm(props: EditProps) {
  const currency = () => props.opportunity.expectedRevenue.currency;
  const [stage, setStage] = createSignal(props.opportunity.stage);
  const [revenue, setRevenue] = createSignal(moneyInputValue(props.opportunity.expectedRevenue.amount, currency()));
  const [probability, setProbability] = createSignal(String(props.opportunity.probability));
  const [closeDate, setCloseDate] = createSignal(props.opportunity.expectedCloseDate ?? '');
  const [priority, setPriority] = createSignal(String(props.opportunity.priority));
  const [problem, setProblem] = createSignal<string>();
  const openStages = () => props.stages.filter((item) => !item.isWon && !item.isLost);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const amount = parseMoneyInput(revenue(), currency());
    if (amount === undefined) return setProblem(t('money.invalid'));
    const percent = Number(probability());
    if (probability().trim() === '' || !Number.isInteger(percent) || percent < 0 || percent > 100) return setProblem(t('sales.opportunity.probabilityInvalid'));
    const patch: OpportunityPatch = {};
    if (stage() !== props.opportunity.stage) patch.stage = stage();
    if (amount !== props.opportunity.expectedRevenue.amount) patch.expectedRevenue = { amount, currency: currency() };
    if (percent !== props.opportunity.probability) patch.probability = percent;
    if (closeDate() !== (props.opportunity.expectedCloseDate ?? '')) patch.expectedCloseDate = closeDate() || null;
    if (Number(priority()) !== props.opportunity.priority) patch.priority = Number(priority());
    if (Object.keys(patch).length === 0) return setProblem(t('sales.opportunity.nothingChanged'));
    props.onSubmit(patch);
  };
  return (
    <form class="form" onSubmit={submit}>
      <Show when={openStages().length > 0 && props.opportunity.status === 'open'}>
        <SelectField
          label={t('sales.opportunity.stage')}
          name="stage"
          value={stage()}
          onChange={setStage}
          options={openStages().map((item) => ({ value: item.id, label: stageLabel(item) }))}
        />
      </Show>
      <Field
        label={t('sales.opportunity.expectedRevenue')}
        name="revenue"
        required
        autofocus
        inputMode="decimal"
        hint={moneyPreview(revenue(), currency()) ?? t('money.hint')}
        value={revenue()}
        onInput={setRevenue}
      />
      <Field
        label={t('sales.opportunity.probabilityPercent')}
        name="probability"
        type="number"
        required
        min={0}
        max={100}
        inputMode="numeric"
        hint={t('sales.opportunity.manualHint')}
        value={probability()}
        onInput={setProbability}
      />
      <Field label={t('sales.opportunity.closeDate')} name="closeDate" type="date" value={closeDate()} onInput={setCloseDate} />
      <SelectField label={t('common.priority')} name="priority" value={priority()} onChange={setPriority} options={priorityOptions()} />
      <MessageAlert message={problem()} />
      {props.children}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={props.busy}>
          {props.busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

function History(props: { changes: StageChange[] | undefined; error: unknown; stages: Stage[]; onRetry: () => void }) {
  return (
    <section class="stack" aria-labelledby="history-title">
      <h2 id="history-title">{t('sales.opportunity.history')}</h2>
      <ErrorAlert error={props.error} onRetry={props.onRetry} />
      <Show when={props.changes} fallback={<Show when={!props.error}><Loading /></Show>}>
        {(changes) => (
          <Show when={changes().length > 0} fallback={<p class="empty">{t('sales.opportunity.noHistory')}</p>}>
            <ol class="timeline">
              <For each={changes()}>
                {(change) => (
                  <li>
                    <p class="timeline-meta">
                      <time datetime={change.at}>{formatDateTime(change.at)}</time>
                      <Show when={change.probability !== undefined}> · {t('sales.opportunity.percent', { n: change.probability ?? 0 })}</Show>
                    </p>
                    <p class="timeline-title">
                      {t(`sales.history.${change.kind}` as MessageKey, {
                        from: stageName(props.stages, change.from),
                        to: stageName(props.stages, change.to),
                      })}
                    </p>
                    <Show when={change.reason}>
                      <p class="timeline-summary">{change.reason}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Show>
    </section>
  );
}

function LostDialog(props: { opportunity: Opportunity; open: boolean; onClose: () => void; onDone: (opportunity: Opportunity) => void }) {
  return (
    <ReasonDialog
      open={props.open}
      onClose={props.onClose}
      title={t('sales.opportunity.markLost')}
      text={t('sales.opportunity.lostText', { name: props.opportunity.name })}
      reasonLabel={t('sales.opportunity.lostReason')}
      submitLabel={t('sales.opportunity.markLost')}
      submit={async (reason, key) => props.onDone(await api.opportunities.lost(props.opportunity.id, props.opportunity.version, reason, key))}
    />
  );
}

function OpportunityView(props: { id: string; onLoaded: (opportunity: Opportunity) => void }) {
  const opportunity = useRecord(() => api.opportunities.get(props.id), (loaded) => props.onLoaded(loaded));
  const [stages, setStages] = createSignal<Stage[]>([]);
  const [history, setHistory] = createSignal<StageChange[]>();
  const [historyError, setHistoryError] = createSignal<unknown>();
  const [winning, setWinning] = createSignal(false);
  const [losing, setLosing] = createSignal(false);

  const fetchHistory = async () => {
    setHistoryError(undefined);
    try {
      setHistory(await api.opportunities.history(props.id));
    } catch (error) {
      setHistoryError(error);
    }
  };
  // An action may answer without the record (204, or only an id): then read it again.
  const changed = async (updated: Opportunity | undefined, message: string) => {
    if (updated?.id && updated.expectedRevenue) opportunity.show(updated);
    else await opportunity.fetch();
    opportunity.save.setSaved(message);
    void fetchHistory();
  };
  onMount(() => {
    void opportunity.fetch();
    void fetchHistory();
    // Without stage names the page still works with the stage ids.
    api.pipeline.stages().then((list) => setStages(Array.isArray(list) ? list : []), () => undefined);
  });

  return (
    <RecordView record={opportunity}>
      {(current) => (
        <>
          <RecordCard
            record={opportunity}
            title={t('common.details')}
            editTitle={t('sales.opportunity.editTitle')}
            actions={
              <Show when={current().status === 'open'}>
                {/* staff commerce: the new-quote dialog with this opportunity and its account chosen */}
                <a class="button button-secondary" href={`/quotes/?opportunityId=${encodeURIComponent(current().id)}`}>
                  {t('common.createQuote')}
                </a>
                <button type="button" class="button button-primary" onClick={() => setWinning(true)}>
                  {t('sales.opportunity.markWon')}
                </button>
                <button type="button" class="button button-danger" onClick={() => setLosing(true)}>
                  {t('sales.opportunity.markLost')}
                </button>
              </Show>
            }
            details={<Details opportunity={current()} stages={stages()} />}
            form={(base, edit) => (
              <EditForm opportunity={base} stages={stages()} {...edit} onSubmit={(patch) => void opportunity.save.submit(async () => changed(await api.opportunities.update(base.id, base.version, patch), t('common.saved')))} />
            )}
          />
          <History changes={history()} error={historyError()} stages={stages()} onRetry={() => void fetchHistory()} />
          <Activities related={{ type: 'opportunity', id: current().id }} />
          <ConfirmDialog
            open={winning()}
            title={t('sales.opportunity.markWon')}
            message={t('sales.opportunity.wonText', { name: current().name })}
            confirmLabel={t('sales.opportunity.markWon')}
            onClose={() => setWinning(false)}
            onConfirm={async () => {
              const base = current();
              await changed(await api.opportunities.won(base.id, base.version, newIdempotencyKey()), t('sales.opportunity.wonSaved'));
            }}
          />
          <LostDialog opportunity={current()} open={losing()} onClose={() => setLosing(false)} onDone={(updated) => void changed(updated, t('sales.opportunity.lostSaved'))} />
        </>
      )}
    </RecordView>
  );
}

export function OpportunityPage() {
  return (
    <RecordPage current="pipeline" titleKey="common.opportunity" backHref="/pipeline/" backLabel={t('nav.pipeline')}>
      {(id, setHeading) => <OpportunityView id={id} onLoaded={(loaded) => setHeading(loaded.name)} />}
    </RecordPage>
  );
}
