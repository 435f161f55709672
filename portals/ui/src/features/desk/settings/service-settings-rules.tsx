import { createUniqueId, For, Index, Show } from 'solid-js';
import type { EscalationRule } from '../../../api/types';
import { actionTexts, conditionText } from './escalation-rule-text';
import type { ChangeDraft } from './service-settings-draft';
import { t } from '../../../kit/i18n';
import '../texts';
import './texts';

/** The escalation rules, each with its conditions and actions in words and a switch to turn it on or off. */
export function RulesSection(props: { rules: EscalationRule[]; onChange: ChangeDraft }) {
  const rulesHeadingId = createUniqueId();
  const changeRule = (index: number, patch: Partial<EscalationRule>) =>
    props.onChange(({ escalationRules }) => ({ escalationRules: escalationRules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)) }));
  return (
  <section class="card stack" aria-labelledby={rulesHeadingId}>
    <h2 id={rulesHeadingId}>{t('desk.settings.rules')}</h2>
    <p class="field-hint">{t('desk.settings.rulesHint')}</p>
    <Show when={props.rules.length > 0} fallback={<p class="empty">{t('desk.settings.rulesNone')}</p>}>
      <ul class="plain-list stack">
        {/* Index: the switch keeps its focus while its rule becomes a new object. */}
        <Index each={props.rules}>
          {(rule, index) => {
            const nameId = createUniqueId();
            return (
              <li class="settings-item">
                <div class="section-header">
                  <h3 id={nameId}>{rule().name}</h3>
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      role="switch"
                      checked={rule().enabled}
                      aria-describedby={nameId}
                      onChange={(e) => changeRule(index, { enabled: e.currentTarget.checked })}
                    />
                    {t('desk.settings.enabled')}
                  </label>
                </div>
                <dl class="details">
                  <dt>{t('desk.settings.when')}</dt>
                  <dd>
                    <Show when={rule().conditions.length > 0} fallback={t('desk.settings.always')}>
                      <ul class="plain-list">
                        <For each={rule().conditions}>{(condition) => <li>{conditionText(condition)}</li>}</For>
                      </ul>
                    </Show>
                  </dd>
                  <dt>{t('desk.settings.then')}</dt>
                  <dd>
                    <ul class="plain-list">
                      <For each={rule().actions.flatMap(actionTexts)}>{(line) => <li>{line}</li>}</For>
                    </ul>
                  </dd>
                </dl>
              </li>
            );
          }}
        </Index>
      </ul>
    </Show>
  </section>
  );
}
