import { createEffect, createSignal, Match, on, onMount, Show, Switch } from 'solid-js';
import { ApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import type { KbArticle } from '../../api/types';
import { ErrorAlert, Loading, MessageAlert, Notice } from '../../kit/alert';
import { useLoaded } from '../../kit/data-table';
import { PortalShell } from '../../kit/portal-shell';
import { createSubmission } from '../../kit/submission';
import { formatServiceDate } from '../desk/service-time';
import { locale, t } from '../../kit/i18n';
import { queryParam } from '../../kit/navigation';
import './texts';

/** "Was this article helpful?" once per visit of the page: the API keeps one answer per reader (a later visit's vote replaces it), and the Idempotency-Key makes a retry count once. */
function Feedback(props: { article: KbArticle }) {
  const submission = createSubmission();
  const [thanks, setThanks] = createSignal<string>();
  const vote = (helpful: boolean) =>
    void submission.run(async (key) => {
      await api.kb.feedback(props.article.id, helpful, key);
      setThanks(helpful ? t('kb.thanks') : t('kb.thanksNo'));
    });
  return (
    <section class="card kb-feedback" aria-labelledby="kb-feedback-title">
      <h2 id="kb-feedback-title">{t('kb.helpful')}</h2>
      <Notice message={thanks()} />
      <Show when={!thanks()}>
        <div class="actions">
          <button type="button" class="button button-secondary" disabled={submission.busy()} onClick={() => vote(true)}>
            {t('common.yes')}
          </button>
          <button type="button" class="button button-secondary" disabled={submission.busy()} onClick={() => vote(false)}>
            {t('common.no')}
          </button>
        </div>
      </Show>
      <ErrorAlert error={submission.error()} />
    </section>
  );
}

function ArticleView(props: { slug: string; onTitle: (title: string | undefined) => void }) {
  // The article in the portal's language: slugs belong to one language, so another language may not have it.
  const article = useLoaded(() => api.kb.bySlug(props.slug, locale()));
  createEffect(
    on(locale, () => {
      article.setData(undefined);
      void article.load();
    }, { defer: true }),
  );
  createEffect(() => props.onTitle(article.data()?.title));
  const missing = () => {
    const error = article.error();
    return error instanceof ApiError && error.status === 404;
  };
  return (
    <Show
      when={article.data()}
      fallback={
        <Switch fallback={<Loading />}>
          <Match when={missing()}>
            <MessageAlert message={t('kb.notInLanguage')} />
          </Match>
          <Match when={article.error()}>
            <ErrorAlert error={article.error()} onRetry={() => void article.load()} />
          </Match>
        </Switch>
      }
    >
      {(current) => (
        <>
          <article class="card kb-article">
            <p class="muted">
              <span class="badge">{current().category}</span> {t('kb.updated', { date: formatServiceDate(current().updatedAt) })}
            </p>
            {/* The API sanitises every article body to a small set of tags and safe URLs before it stores it
                (shared/modules/kb/services/kb-sanitize.ts), which is the only reason this HTML may go in as it is. */}
            <div class="kb-body" innerHTML={current().body} />
          </article>
          <Feedback article={current()} />
          <p>
            {t('kb.needHelp')} <a href="/tickets/new/">{t('kb.openTicket')}</a>
          </p>
        </>
      )}
    </Show>
  );
}

/** One published article by its `?slug=`, readable without signing in. */
export function KbArticlePage() {
  const [slug, setSlug] = createSignal<string | null>();
  const [title, setTitle] = createSignal<string>();
  onMount(() => setSlug(queryParam('slug')));
  return (
    <PortalShell portal="customer" titleKey="nav.kbArticle" auth="optional" current="kb" heading={title()}>
      {() => (
        <div class="stack">
          <p>
            <a href="/kb/">← {t('nav.kb')}</a>
          </p>
          <Show when={slug() !== undefined}>
            <Show when={slug()} fallback={<MessageAlert message={t('error.not_found')} />}>
              {(value) => <ArticleView slug={value()} onTitle={setTitle} />}
            </Show>
          </Show>
        </div>
      )}
    </PortalShell>
  );
}
