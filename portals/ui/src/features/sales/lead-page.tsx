import { createSignal, For, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { Account, Lead, LeadConvertResult } from '../../api/types';
import { Activities } from './activities';
import { createDialogForm, FormFooter } from '../../kit/form-footer';
import { DetailRow } from '../../kit/detail-row';
import { Dialog } from '../../kit/dialog';
import { Field } from '../../kit/field';
import { LeadForm, toLeadPatch } from './lead-form';
import { accountUrl, leadSourceLabel, leadStatusLabel, leadUrl, opportunityUrl } from './sales';
import { ReasonDialog } from '../../kit/reason-dialog';
import { AccountPicker } from '../../kit/search-picker';
import { ConflictAlert, RecordCard, RecordPage, RecordView, useRecord } from '../../kit/record-view';
import { createSubmission } from '../../kit/submission';
import { formatDate } from '../../kit/format';
import { t, type MessageKey } from '../../kit/i18n';
import { moneyPreview, parseMoneyInput } from '../../kit/money-input';
import './texts';

function Details(props: { lead: Lead }) {
  return (
    <dl class="details">
      <dt>{t('common.status')}</dt>
      <dd>
        <span class={`badge status-${props.lead.status}`}>{leadStatusLabel(props.lead.status)}</span>
      </dd>
      <dt>{t('sales.lead.score')}</dt>
      <dd>
        <span class="score">{props.lead.score}</span>
      </dd>
      <DetailRow label={t('common.company')} value={props.lead.companyName} />
      <DetailRow label={t('sales.lead.contactName')} value={props.lead.contactName} />
      <DetailRow label={t('common.email')} value={props.lead.email} />
      <DetailRow label={t('common.phone')} value={props.lead.phone} />
      <DetailRow label={t('sales.lead.source')} value={leadSourceLabel(props.lead.source)} />
      <DetailRow label={t('sales.lead.productInterest')} value={props.lead.productInterest} />
      <DetailRow label={t('sales.lead.territory')} value={props.lead.territory} />
      <DetailRow label={t('sales.lead.memo')} value={props.lead.memo} />
      <Show when={props.lead.disqualifyReason}>
        <DetailRow label={t('sales.lead.disqualifyReason')} value={props.lead.disqualifyReason} />
      </Show>
      <DetailRow label={t('common.created')} value={formatDate(props.lead.createdAt)} />
      <DetailRow label={t('common.updated')} value={formatDate(props.lead.updatedAt)} />
    </dl>
  );
}

function Duplicates(props: { lead: Lead }) {
  return (
    <Show when={(props.lead.duplicates ?? []).length > 0}>
      <section class="alert alert-warning" aria-labelledby="duplicates-title">
        <h2 id="duplicates-title">{t('sales.lead.duplicatesTitle')}</h2>
        <ul>
          <For each={props.lead.duplicates}>
            {(duplicate) => (
              <li>
                <a href={leadUrl(duplicate.leadId)}>{duplicate.title}</a> — {t(`sales.lead.duplicate.${duplicate.reason}` as MessageKey)}
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

function ConvertedLinks(props: { result: LeadConvertResult }) {
  return (
    <div class="alert alert-success" role="status">
      <p>{t('sales.lead.convertedText')}</p>
      <p class="actions">
        <a class="button button-primary" href={opportunityUrl(props.result.opportunityId)}>
          {t('open.opportunity')}
        </a>
        <a class="button button-secondary" href={accountUrl(props.result.accountId)}>
          {t('open.account')}
        </a>
      </p>
    </div>
  );
}

function ConvertDialog(props: { lead: Lead; open: boolean; onClose: () => void; onConverted: (result: LeadConvertResult) => void }) {
  const [mode, setMode] = createSignal<'new' | 'existing'>('new');
  const [account, setAccount] = createSignal<Account>();
  const [name, setName] = createSignal(props.lead.title);
  const [revenue, setRevenue] = createSignal('');
  const [probability, setProbability] = createSignal('');
  const [closeDate, setCloseDate] = createSignal('');
  const form = createDialogForm(() => props.onClose());
  const submit = form.onSubmit(async () => {
    const amount = parseMoneyInput(revenue(), 'IDR');
    if (amount === undefined) return form.setProblem(t('money.invalid'));
    const percent = probability().trim() === '' ? undefined : Number(probability());
    if (percent !== undefined && !(Number.isInteger(percent) && percent >= 0 && percent <= 100)) return form.setProblem(t('sales.opportunity.probabilityInvalid'));
    const picked = account();
    if (mode() === 'existing' && !picked) return form.setProblem(t('accounts.pick'));
    await form.submission.run(async (key) => {
      const result = await api.leads.convert(
        props.lead.id,
        props.lead.version,
        {
          accountId: mode() === 'existing' ? picked?.id : undefined,
          opportunity: {
            name: name().trim(),
            expectedRevenue: { amount, currency: 'IDR' },
            probability: percent,
            expectedCloseDate: closeDate() || undefined,
          },
        },
        key,
      );
      props.onConverted(result);
      props.onClose();
    });
  });
  return (
    <Dialog open={props.open} title={t('sales.lead.convertTitle')} onClose={form.close}>
      <form class="form" onSubmit={submit}>
        <fieldset class="field">
          <legend>{t('common.account')}</legend>
          <label class="checkbox">
            <input type="radio" name="account-mode" value="new" checked={mode() === 'new'} onChange={() => setMode('new')} />
            {t('sales.lead.newAccount', { name: props.lead.companyName ?? props.lead.contactName })}
          </label>
          <label class="checkbox">
            <input type="radio" name="account-mode" value="existing" checked={mode() === 'existing'} onChange={() => setMode('existing')} />
            {t('sales.lead.existingAccount')}
          </label>
        </fieldset>
        <Show when={mode() === 'existing'}>
          <AccountPicker selected={account()} onSelect={setAccount} />
        </Show>
        <Field label={t('sales.opportunity.name')} name="name" required maxLength={160} value={name()} onInput={setName} />
        <Field
          label={t('sales.opportunity.expectedRevenue')}
          name="revenue"
          required
          inputMode="decimal"
          hint={moneyPreview(revenue(), 'IDR') ?? t('money.hint')}
          value={revenue()}
          onInput={setRevenue}
        />
        <Field label={t('sales.opportunity.probabilityPercent')} name="probability" type="number" min={0} max={100} inputMode="numeric" hint={t('sales.opportunity.probabilityHint')} value={probability()} onInput={setProbability} />
        <Field label={t('sales.opportunity.closeDate')} name="closeDate" type="date" value={closeDate()} onInput={setCloseDate} />
        <FormFooter problem={form.problem()} submission={form.submission} label={t('sales.lead.convert')} busyLabel={t('sales.lead.converting')} />
      </form>
    </Dialog>
  );
}

function DisqualifyDialog(props: { lead: Lead; open: boolean; onClose: () => void; onDone: (lead: Lead) => void }) {
  return (
    <ReasonDialog
      open={props.open}
      onClose={props.onClose}
      title={t('sales.lead.disqualifyTitle')}
      text={t('sales.lead.disqualifyText', { title: props.lead.title })}
      reasonLabel={t('sales.lead.disqualifyReason')}
      submitLabel={t('sales.lead.disqualify')}
      submit={async (reason, key) => props.onDone(await api.leads.disqualify(props.lead.id, props.lead.version, reason, key))}
    />
  );
}

function LeadView(props: { id: string; onLoaded: (lead: Lead) => void }) {
  const lead = useRecord(() => api.leads.get(props.id), (loaded) => props.onLoaded(loaded));
  const [converting, setConverting] = createSignal(false);
  const [disqualifying, setDisqualifying] = createSignal(false);
  const [converted, setConverted] = createSignal<LeadConvertResult>();
  const qualify = createSubmission();
  const show = lead.show;
  const open = () => lead.record()?.status === 'new' || lead.record()?.status === 'qualified';

  return (
    <RecordView record={lead}>
      {(current) => (
        <>
          <Show when={converted() ?? current().convertedTo}>{(result) => <ConvertedLinks result={result()} />}</Show>
          <Duplicates lead={current()} />
          <RecordCard
            record={lead}
            title={t('common.details')}
            editTitle={t('sales.lead.editTitle')}
            actions={
              <>
                <Show when={current().status === 'new'}>
                  <button
                    type="button"
                    class="button button-secondary"
                    disabled={qualify.busy()}
                    onClick={() =>
                      void qualify.run(async () => {
                        show(await api.leads.update(current().id, current().version, { status: 'qualified' }));
                        lead.save.setSaved(t('sales.lead.qualified'));
                      })
                    }
                  >
                    {t('sales.lead.markQualified')}
                  </button>
                </Show>
                <Show when={open()}>
                  <button type="button" class="button button-primary" onClick={() => setConverting(true)}>
                    {t('sales.lead.convert')}
                  </button>
                  <button type="button" class="button button-danger" onClick={() => setDisqualifying(true)}>
                    {t('sales.lead.disqualify')}
                  </button>
                </Show>
              </>
            }
            notice={<ConflictAlert submission={qualify} onReload={() => { qualify.setError(undefined); void lead.fetch(); }} />}
            details={<Details lead={current()} />}
            form={(base, edit) => (
              <LeadForm lead={base} {...edit} onSubmit={(values) => void lead.save.submit(async () => show(await api.leads.update(base.id, base.version, toLeadPatch(values))))} />
            )}
          />
          <Activities related={{ type: 'lead', id: current().id }} />
          <ConvertDialog
            lead={current()}
            open={converting()}
            onClose={() => setConverting(false)}
            onConverted={(result) => {
              setConverted(result);
              void lead.fetch();
            }}
          />
          <DisqualifyDialog
            lead={current()}
            open={disqualifying()}
            onClose={() => setDisqualifying(false)}
            onDone={(updated) => {
              // Read the lead again when the answer does not carry it.
              if (updated?.id && updated.status) show(updated);
              else void lead.fetch();
              lead.save.setSaved(t('sales.lead.disqualified'));
            }}
          />
        </>
      )}
    </RecordView>
  );
}

export function LeadPage() {
  return (
    <RecordPage current="leads" titleKey="sales.lead.pageTitle" backHref="/leads/" backLabel={t('nav.leads')}>
      {(id, setHeading) => <LeadView id={id} onLoaded={(loaded) => setHeading(loaded.title)} />}
    </RecordPage>
  );
}
