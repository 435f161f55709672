import { createComponent, createEffect, type Component } from 'solid-js';
import { useRecord } from './record-state';
import { RecordPage } from './record-view';
import { t } from './i18n';

// The staff pages of a product, quote, order or invoice share this shape; it stays out of ./record-view
// so that the other record pages do not load it.

/** What the view of a `ListRecordPage` gets: the record's id and the way to title the page with it. */
export type ListRecordProps = { id: string; setHeading: (heading: string) => void };

/** The page of one record of a list (`/quotes/` → `/quote/?id=`): back to the list, then `view` for the `?id=`. */
export function ListRecordPage(props: { list: 'products' | 'quotes' | 'orders' | 'invoices'; view: Component<ListRecordProps> }) {
  const listKey = () => `nav.${props.list}` as const;
  return (
    <RecordPage current={props.list} titleKey={listKey()} backHref={`/${props.list}/`} backLabel={t(listKey())}>
      {(id, setHeading) => createComponent(props.view, { id, setHeading })}
    </RecordPage>
  );
}

/** `useRecord` for the view of a `ListRecordPage`: the page's heading follows the record, and the language. */
export function useTitledRecord<T>(view: ListRecordProps, load: (id: string) => Promise<T>, heading: (record: T) => string, onLoaded: (record: T) => void = () => undefined) {
  const record = useRecord(() => load(view.id), onLoaded);
  createEffect(() => {
    const loaded = record.record();
    if (loaded) view.setHeading(heading(loaded));
  });
  return record;
}
