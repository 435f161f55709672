import { config } from '../config';
import { dynamo } from './client';

type Bindable = { setClient(client: ReturnType<typeof dynamo>): void; setTableName(table: string): void };

/**
 * An entity built on first use and bound then to the configured client and table. ElectroDB
 * validates a model when the entity is built, a few milliseconds each (all of them together cost
 * ~150 ms): building them at import, or in one Service, made every cold start pay for every
 * entity, while a request touches only a few.
 */
export function lazyEntity<E extends Bindable>(build: () => E): () => E {
  let entity: E | undefined;
  return () => {
    if (entity) return entity;
    const built = build();
    built.setClient(dynamo());
    built.setTableName(config().tableName);
    entity = built;
    return entity;
  };
}
