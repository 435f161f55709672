import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { dynamo } from './client';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Operations built from ElectroDB `.params()` so several entities commit in one TransactWriteItems.
 * ElectroDB types `.params()` as a plain record; it is the SDK input of that same operation.
 */
export const op = {
  put: (params: object): TransactItem => ({ Put: strip(params) as TransactItem['Put'] }),
  update: (params: object): TransactItem => ({ Update: strip(params) as TransactItem['Update'] }),
  delete: (params: object): TransactItem => ({ Delete: strip(params) as TransactItem['Delete'] }),
  check: (params: object): TransactItem => ({ ConditionCheck: strip(params) as TransactItem['ConditionCheck'] }),
};

// Single-item calls may carry ReturnValues; TransactWriteItems refuses it.
function strip(params: object): Record<string, unknown> {
  const { ReturnValues: _returnValues, ...rest } = params as Record<string, unknown>;
  return rest;
}

/** Which operation (by index) failed its condition, when a transaction is cancelled. */
export class TransactionConflict extends Error {
  constructor(readonly failedIndexes: number[], options?: { cause?: unknown }) {
    super(`Transaction cancelled: conditions failed at ${failedIndexes.join(', ')}`, options);
    this.name = 'TransactionConflict';
  }
}

/**
 * True when a transaction did not commit because of the data: a failed condition, or a
 * cancellation for another reason such as a concurrent transaction on the same items.
 */
export function isCancelled(error: unknown): boolean {
  return error instanceof TransactionConflict || (error instanceof Error && error.name === 'TransactionCanceledException');
}

/** Commit all operations or none; a failed condition raises TransactionConflict. */
export async function transact(items: TransactItem[], clientRequestToken?: string): Promise<void> {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: clientRequestToken }));
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
      const failed = error.CancellationReasons.flatMap((r, index) => (r.Code === 'ConditionalCheckFailed' ? [index] : []));
      throw new TransactionConflict(failed, { cause: error });
    }
    throw error;
  }
}
