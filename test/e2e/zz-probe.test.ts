import { stackUrls } from './support/stack-env';
test('probe', async () => {
  const urls = stackUrls();
  const r = await fetch(`${urls.staff}/api/v1/health`);
  console.log(urls, r.status, await r.text());
});
