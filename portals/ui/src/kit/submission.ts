import { createSignal } from 'solid-js';
import { ApiError, newIdempotencyKey } from '../api/client';

/**
 * State of one form's submission: ignores clicks while busy and carries an Idempotency-Key.
 * The key is kept only when the outcome is unknown (no answer), so retrying that submission
 * cannot create a duplicate; any answer from the API starts a fresh key.
 */
export function createSubmission() {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  let key = newIdempotencyKey();

  async function run(action: (idempotencyKey: string) => Promise<void>): Promise<boolean> {
    if (busy()) return false;
    setBusy(true);
    setError(undefined);
    try {
      await action(key);
      key = newIdempotencyKey();
      return true;
    } catch (caught) {
      if (!(caught instanceof ApiError && caught.status === 0)) key = newIdempotencyKey();
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
