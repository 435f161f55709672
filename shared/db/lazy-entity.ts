/**
 * An entity built on first use. ElectroDB validates a model when the entity is built, a few
 * milliseconds each; building all of them at import made every cold start pay for every
 * entity, while a request touches only a few.
 */
export function lazyEntity<E>(build: () => E): () => E {
  let entity: E | undefined;
  return () => (entity ??= build());
}
