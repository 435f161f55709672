import { PortalShell } from '../../kit/portal-shell';
import { t } from '../../kit/i18n';
import type { PortalId } from '../../kit/portals';

export function NotFoundPage(props: { portal: PortalId }) {
  return (
    <PortalShell portal={props.portal} titleKey="notFound.title" auth="none" narrow>
      {() => (
        <>
          <p>{t('notFound.text')}</p>
          <p>
            <a href="/">{t('notFound.home')}</a>
          </p>
        </>
      )}
    </PortalShell>
  );
}
