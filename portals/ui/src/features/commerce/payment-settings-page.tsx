import { createSignal, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import type { PaymentInstructions, User } from '../../api/types';
import { ErrorAlert, Notice } from '../../kit/alert';
import { LoadState, useLoaded } from '../../kit/data-table';
import { Field } from '../../kit/field';
import { StaffShell } from '../../kit/staff-shell';
import { createSubmission } from '../../kit/submission';
import { t } from '../../kit/i18n';
import { isAdmin } from '../../kit/session';
import './texts';

type Fields = Pick<PaymentInstructions, 'bankName' | 'accountNumber' | 'accountHolder'>;

const fieldsOf = ({ bankName, accountNumber, accountHolder }: PaymentInstructions): Fields => ({ bankName, accountNumber, accountHolder });

/** The three fields, saved together with If-Match; an admin edits them, other staff read them. */
function PaymentForm(props: { instructions: PaymentInstructions; editable: boolean }) {
  const [saved, setSaved] = createSignal(props.instructions);
  const [fields, setFields] = createSignal<Fields>(fieldsOf(props.instructions));
  const [notice, setNotice] = createSignal<string>();
  const submission = createSubmission();
  const set = (name: keyof Fields) => (value: string) => {
    setNotice(undefined);
    setFields((current) => ({ ...current, [name]: value }));
  };

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    setNotice(undefined);
    void submission.run(async () => {
      const next = await api.company.replacePaymentInstructions(saved().version, fields());
      setSaved(next);
      setFields(fieldsOf(next));
      setNotice(t(next.bankName ? 'commerce.payment.saved' : 'commerce.payment.cleared'));
    });
  };

  return (
    <form class="card stack" aria-label={t('commerce.payment.settingsTitle')} onSubmit={save} novalidate>
      <p>{t('commerce.payment.settingsHint')}</p>
      <Show when={!props.editable}>
        <p class="muted">{t('commerce.payment.readOnly')}</p>
      </Show>
      <Field label={t('commerce.payment.bank')} name="bankName" value={fields().bankName} onInput={set('bankName')} maxLength={120} readOnly={!props.editable} />
      <Field label={t('commerce.payment.accountNumber')} name="accountNumber" value={fields().accountNumber} onInput={set('accountNumber')} maxLength={60} readOnly={!props.editable} />
      <Field label={t('commerce.payment.accountHolder')} name="accountHolder" value={fields().accountHolder} onInput={set('accountHolder')} maxLength={160} readOnly={!props.editable} />
      <Notice message={notice()} />
      <ErrorAlert error={submission.error()} />
      <Show when={props.editable}>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={submission.busy()}>
            {submission.busy() ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </Show>
    </form>
  );
}

function PaymentSettings(props: { me: User }) {
  const loaded = useLoaded(() => api.company.paymentInstructions());
  return (
    <LoadState data={loaded.data()} error={loaded.error()} onRetry={() => void loaded.load()}>
      {(instructions) => <PaymentForm instructions={instructions()} editable={isAdmin(props.me)} />}
    </LoadState>
  );
}

/** The company's payment instructions, which invoices carry (PDF, e-mail, customer portal); only an admin changes them. */
export function PaymentSettingsPage() {
  return (
    <StaffShell current="payment-settings" titleKey="nav.paymentSettings">
      {(me: User) => <PaymentSettings me={me} />}
    </StaffShell>
  );
}
