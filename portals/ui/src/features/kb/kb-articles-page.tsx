import { For, Show } from 'solid-js';
import { api } from '../../api/endpoints';
import { KB_LANGUAGES, KB_STATUSES, type KbArticle, type KbLanguage, type KbStatus, type User } from '../../api/types';
import { SelectField } from '../../kit/field';
import { articleUrl, canWriteArticles } from './kb-desk';
import { PagedTable, usePagedList } from '../../kit/paged-table';
import { formatServiceDate } from '../desk/service-time';
import { StaffShell } from '../../kit/staff-shell';
import { t } from '../../kit/i18n';
import './texts';

type Filter = { status: KbStatus | 'all'; lang: KbLanguage | 'all' };

function Articles(props: { me: User }) {
  const { list, params: filter, choose } = usePagedList<KbArticle, Filter>({ status: 'all', lang: 'all' }, (chosen, cursor) =>
    api.kb.list({ status: chosen.status === 'all' ? undefined : chosen.status, lang: chosen.lang === 'all' ? undefined : chosen.lang, cursor, limit: 25 }),
  );
  return (
    <div class="stack">
      <p>{t('kb.desk.intro')}</p>
      <div class="toolbar">
        <div class="tabs" role="group" aria-label={t('common.status')}>
          <For each={['all', ...KB_STATUSES] as const}>
            {(option) => (
              <button type="button" class="tab" aria-pressed={filter().status === option} onClick={() => choose({ ...filter(), status: option })}>
                {option === 'all' ? t('kb.desk.allStatuses') : t(`kb.status.${option}`)}
              </button>
            )}
          </For>
        </div>
        <div class="actions">
          <SelectField
            label={t('common.language')}
            name="lang"
            value={filter().lang}
            onChange={(value) => choose({ ...filter(), lang: value as Filter['lang'] })}
            options={[{ value: 'all', label: t('kb.desk.allLanguages') }, ...KB_LANGUAGES.map((value) => ({ value, label: t(`locale.${value}`) }))]}
          />
          <Show when={canWriteArticles(props.me)}>
            <a class="button button-primary" href="/kb/article/">
              {t('kb.desk.new')}
            </a>
          </Show>
        </div>
      </div>
      <PagedTable
        list={list}
        emptyHidesOnError
        empty={t('kb.desk.empty')}
        columns={[t('common.title'), t('common.language'), t('common.category'), t('kb.desk.visibility'), t('common.status'), t('kb.desk.helpful'), t('common.updated')]}
        row={(article) => (
          <>
            <th scope="row">
              <a href={articleUrl(article.id)}>{article.title}</a>
            </th>
            <td>{t(`locale.${article.language}`)}</td>
            <td>{article.category}</td>
            <td>{t(`kb.visibility.${article.visibility}`)}</td>
            <td>
              <span class={`badge kb-status-${article.status}`}>{t(`kb.status.${article.status}`)}</span>
            </td>
            <td>{t('kb.desk.helpfulValue', { yes: article.helpfulYes, no: article.helpfulNo })}</td>
            <td>{formatServiceDate(article.updatedAt)}</td>
          </>
        )}
      />
    </div>
  );
}

/** The knowledge base as staff manage it: every article, by status and language. */
export function KbArticlesPage() {
  return (
    <StaffShell current="kb" titleKey="nav.kb">
      {(me) => <Articles me={me} />}
    </StaffShell>
  );
}
