import { createSignal, onMount, Show, type JSX } from 'solid-js';
import { api } from '../../api/endpoints';
import { KB_LANGUAGES, KB_STATUSES, KB_VISIBILITIES, type KbArticle, type KbArticlePatch, type KbLanguage, type KbStatus, type KbVisibility, type User } from '../../api/types';
import { ErrorAlert } from '../../kit/alert';
import { Field, SelectField } from '../../kit/field';
import { ArticlePreview, articleUrl, canWriteArticles } from './kb-desk';
import { ConflictAlert, RecordView, useRecord, type VersionedSave } from '../../kit/record-view';
import { StaffShell } from '../../kit/staff-shell';
import { createSubmission } from '../../kit/submission';
import { t } from '../../kit/i18n';
import { queryParam } from '../../kit/navigation';
import './texts';

type Values = { title: string; slug: string; category: string; tags: string; language: KbLanguage; visibility: KbVisibility; status: KbStatus; body: string };

const tagList = (text: string) => text.split(',').map((tag) => tag.trim()).filter(Boolean);

function valuesOf(article: KbArticle | undefined, language: KbLanguage): Values {
  return {
    title: article?.title ?? '',
    slug: article?.slug ?? '',
    category: article?.category ?? '',
    tags: article?.tags.join(', ') ?? '',
    language: article?.language ?? language,
    visibility: article?.visibility ?? 'public',
    status: article?.status ?? 'draft',
    body: article?.body ?? '',
  };
}

/** What changed against the saved article, as a PATCH (undefined when nothing did). */
function patchOf(base: KbArticle, values: Values): KbArticlePatch | undefined {
  const patch: KbArticlePatch = {};
  if (values.title.trim() !== base.title) patch.title = values.title.trim();
  if (values.slug.trim() && values.slug.trim() !== base.slug) patch.slug = values.slug.trim();
  if (values.category.trim() !== base.category) patch.category = values.category.trim();
  if (tagList(values.tags).join('\n') !== base.tags.join('\n')) patch.tags = tagList(values.tags);
  if (values.visibility !== base.visibility) patch.visibility = values.visibility;
  if (values.status !== base.status) patch.status = values.status;
  if (values.body !== base.body) patch.body = values.body;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

type EditorProps = {
  /** The saved article; none for a new one. */
  base?: KbArticle;
  me: User;
  busy: boolean;
  onSave: (values: Values) => void;
  /** The save's error (with "Reload" after a conflict). */
  children: JSX.Element;
};

/** The article's fields and its HTML body, with a live preview beside it. */
function Editor(props: EditorProps) {
  const [values, setValues] = createSignal(valuesOf(props.base, props.me.locale));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: string) =>
      setValues((current) => ({ ...current, [key]: value }));
  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave(values());
      }}
    >
      <Show when={!canWriteArticles(props.me)}>
        <p class="alert alert-warning">{t('kb.desk.needsEditor')}</p>
      </Show>
      <div class="card form">
        <Field label={t('common.title')} name="title" required maxLength={160} value={values().title} onInput={set('title')} />
        <Field label={t('kb.desk.slug')} name="slug" maxLength={80} hint={t('kb.desk.slugHint')} value={values().slug} onInput={set('slug')} />
        <Field label={t('common.category')} name="category" required maxLength={60} value={values().category} onInput={set('category')} />
        <Field label={t('kb.desk.tags')} name="tags" hint={t('kb.desk.tagsHint')} value={values().tags} onInput={set('tags')} />
        <Show
          when={!props.base}
          fallback={<Field label={t('common.language')} name="language" readOnly hint={t('kb.desk.languageFixed')} value={t(`locale.${values().language}`)} onInput={() => undefined} />}
        >
          <SelectField label={t('common.language')} name="language" value={values().language} onChange={set('language')} options={KB_LANGUAGES.map((value) => ({ value, label: t(`locale.${value}`) }))} />
        </Show>
        <SelectField label={t('kb.desk.visibility')} name="visibility" value={values().visibility} onChange={set('visibility')} options={KB_VISIBILITIES.map((value) => ({ value, label: t(`kb.visibility.${value}`) }))} />
        <SelectField label={t('common.status')} name="status" value={values().status} onChange={set('status')} options={KB_STATUSES.map((value) => ({ value, label: t(`kb.status.${value}`) }))} />
      </div>
      <div class="kb-editor">
        <Field label={t('kb.desk.body')} name="body" required multiline maxLength={50_000} hint={t('kb.desk.bodyHint')} value={values().body} onInput={set('body')} />
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('kb.desk.preview')}</h2>
          <p class="field-hint">{t('kb.desk.previewHint')}</p>
          <ArticlePreview html={values().body} />
        </section>
      </div>
      {props.children}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={props.busy}>
          {props.busy ? t('common.saving') : t('common.save')}
        </button>
        <Show when={props.base?.status === 'published' && props.base.visibility === 'public' ? props.base : undefined}>
          {(published) => (
            <span class="muted">
              {t('kb.desk.helpful')}: {t('kb.desk.helpfulValue', { yes: published().helpfulYes, no: published().helpfulNo })}
            </span>
          )}
        </Show>
      </div>
    </form>
  );
}

function NewArticle(props: { me: User }) {
  const submission = createSubmission();
  const save = (values: Values) =>
    void submission.run(async (key) => {
      const slug = values.slug.trim();
      const created = await api.kb.create(
        {
          title: values.title.trim(),
          body: values.body,
          category: values.category.trim(),
          tags: tagList(values.tags),
          language: values.language,
          visibility: values.visibility,
          status: values.status,
          ...(slug ? { slug } : {}),
        },
        key,
      );
      window.location.assign(articleUrl(created.id));
    });
  return (
    <Editor me={props.me} busy={submission.busy()} onSave={save}>
      <ErrorAlert error={submission.error()} />
    </Editor>
  );
}

function SavedArticle(props: { id: string; me: User; onTitle: (title: string) => void }) {
  const record = useRecord(
    () => api.kb.get(props.id),
    (loaded) => props.onTitle(loaded.title),
  );
  const save = (): VersionedSave => record.save;
  return (
    <RecordView record={record}>
      {(current) => (
        // Keyed on the version: a save or a reload after a conflict refills the form with what is stored.
        <Show when={current().version} keyed>
          <Editor
            base={current()}
            me={props.me}
            busy={save().busy()}
            onSave={(values) => {
              const base = current();
              const patch = patchOf(base, values);
              if (!patch) return save().setSaved(t('common.saved'));
              void save().submit(async () => record.show(await api.kb.update(base.id, base.version, patch)));
            }}
          >
            <ConflictAlert submission={save()} onReload={() => save().reload()} />
          </Editor>
        </Show>
      )}
    </RecordView>
  );
}

/** The article editor: `?id=` edits a saved article (If-Match), no id writes a new one. */
export function KbEditorPage() {
  const [id, setId] = createSignal<string | null>();
  const [heading, setHeading] = createSignal<string>();
  onMount(() => setId(queryParam('id')));
  return (
    <StaffShell current="kb" titleKey="nav.kbArticle" heading={heading() ?? (id() === null ? t('kb.desk.new') : undefined)}>
      {(me) => (
        <>
          <p>
            <a href="/kb/">← {t('nav.kb')}</a>
          </p>
          <Show when={id() !== undefined}>
            <Show when={id()} fallback={<NewArticle me={me} />}>
              {(articleId) => <SavedArticle id={articleId()} me={me} onTitle={setHeading} />}
            </Show>
          </Show>
        </>
      )}
    </StaffShell>
  );
}
