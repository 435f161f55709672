import { PortalShell } from '../../kit/portal-shell';
import { t } from '../../kit/i18n';
import type { PortalId } from '../../kit/portals';
import './texts';

export function NotFoundPage(props: { portal: PortalId }) {
  return (
    <PortalShell portal={props.portal} titleKey="identity.notFound.title" auth="none" narrow>
      {() => (
        <>
          <p>{t('identity.notFound.text')}</p>
          <p>
            <a href="/">{t('identity.notFound.home')}</a>
          </p>
        </>
      )}
    </PortalShell>
  );
}
