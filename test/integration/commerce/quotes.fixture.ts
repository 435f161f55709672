// What the quotes-*.test.ts files share: the demo world, the stream feeding the events function and
// the mail catcher, a product of their own and the ids of PT. KITA and PT. Sinar Pagi.
import type { StreamPump } from '../../../infra/local/stream-pump';
import { call, demoWorld, type DemoLogin } from '../../support/api.helper';
import { startMailPump } from '../../support/mail.helper';
import { createProduct } from '../../support/sales.helper';

/** The demo logins' tokens, filled in by setUpQuotes. */
export const tokens = {} as Record<DemoLogin, string>;
let pump: StreamPump;
/** Set by setUpQuotes: the file's product and the ids of PT. KITA and PT. Sinar Pagi. */
export let product: any;
export let kitaId: string;
export let sinarId: string;

/** The file's beforeAll: a fresh demo table, the mail pump, the product and the account ids. */
export async function setUpQuotes(): Promise<void> {
  Object.assign(tokens, await demoWorld());
  pump = await startMailPump();
  product = await createProduct(tokens.sales);
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  kitaId = accounts.body.items.find((a: any) => a.name === 'PT. KITA').id;
  sinarId = accounts.body.items.find((a: any) => a.name === 'PT. Sinar Pagi').id;
}

/** The file's afterAll. */
export const stopQuotes = () => pump.stop();
