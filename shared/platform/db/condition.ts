import type { WhereAttributeSymbol } from 'electrodb';

/** Attributes `T` as ElectroDB's `where` callback hands them over (a condition names an attribute, never a missing value). */
export type ConditionAttributes<T> = { [K in keyof T]-?: WhereAttributeSymbol<Exclude<T[K], undefined>> };

/** The comparisons of ElectroDB's `where` operations that conditions shared by several entities use. */
export type ConditionOperations = {
  eq<V, A extends WhereAttributeSymbol<V>>(attr: A, value: V): string;
  lt<V, A extends WhereAttributeSymbol<V>>(attr: A, value: V): string;
};

/**
 * A condition on attributes `T`, written once for every entity that holds them: each such
 * entity's `where` accepts it, and its callback is checked against `T`.
 */
export type Condition<T> = (attr: ConditionAttributes<T>, op: ConditionOperations) => string;
