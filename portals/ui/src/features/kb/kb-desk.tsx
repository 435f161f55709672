import type { User } from '../../api/types';
import { recordUrl } from '../../kit/navigation';
import { t } from '../../kit/i18n';
import './texts';

// The staff side of the knowledge base: who writes it, where an article is edited, its preview.

/** Who writes the knowledge base: service and marketing staff (admin holds every role), as the API's policy says. */
export const canWriteArticles = (me: User) => me.roles.some((role) => role === 'admin' || role === 'service' || role === 'marketing');

export const articleUrl = (id: string) => recordUrl('kb/article', id);

// The preview shows HTML as typed, before the API's sanitiser has seen it, so it must not be able
// to do anything: the iframe's empty `sandbox` gives it a unique origin without scripts, forms,
// popups or navigation of this page, and the policy below also stops it loading anything except
// https images (what the sanitiser keeps). No client-side sanitiser is needed for that.
const PREVIEW_HEAD =
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https:; style-src 'unsafe-inline'">` +
  '<style>body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem;color:#1b1f24}img{max-width:100%}pre{overflow-x:auto}</style>';

/** The article body as it reads, in a sandbox where nothing in it can run. */
export function ArticlePreview(props: { html: string }) {
  return <iframe class="kb-preview" sandbox="" title={t('kb.desk.preview')} srcdoc={`<!doctype html><html><head>${PREVIEW_HEAD}</head><body>${props.html}</body></html>`} />;
}
