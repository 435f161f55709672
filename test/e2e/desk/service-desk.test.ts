import type { BrowserContext, Page } from 'playwright-core';
import { apiAs } from '../support/api';
import { DEMO_PASSWORD, newPage, open, submitSignIn, suitePage, waitForHydration, withPageReport } from '../support/browser';
import { waitForMail } from '../support/mail';
import { stackUrls } from '../support/stack-env';
import { DEMO, text } from '../support/texts';

jest.setTimeout(180_000);

const urls = stackUrls();

/** The demo's service agent (infra/local/seed/service-demo.ts). */
const AGENT = 'service@kaktus.example';

type Ticket = { id: string; number: string; status: string; csat?: { score: number; comment?: string } };
type Message = { body: string; visibility: string };
type Hit = { slug: string; title: string };
type Article = { id: string; title: string; helpfulYes: number };

/**
 * Signs in on a portal and leaves it in English without saving that in the profile: the demo
 * logins prefer Bahasa Indonesia, and other browser tests sign in as the same people.
 */
async function signInInEnglish(context: BrowserContext, page: Page, portal: string, email: string): Promise<void> {
  await context.route('**/api/v1/auth/me', (route) => (route.request().method() === 'PATCH' ? route.abort() : route.continue()));
  await open(page, `${portal}/sign-in/`);
  await submitSignIn(page, email, DEMO_PASSWORD);
  await page.waitForURL(`${portal}/`);
  await waitForHydration(page);
  await page.evaluate("localStorage.setItem('relasi.locale', 'en')");
}

describe('service desk: a customer ticket from the portal to its rating', () => {
  const suite = suitePage();
  const unique = Date.now().toString(36);
  const subject = `Late delivery of the lunch boxes ${unique}`;
  const reply = `Mohon maaf, armada kami tertahan banjir (${unique}). Kiriman besok kami berangkatkan satu jam lebih awal.`;
  const note = `Dispatch: check the backup route for the Cikarang run (${unique}).`;
  const deliveryNote = `Delivery note DN-${unique}: 250 boxes, signed 13:30`;

  it('the customer opens a ticket (with suggested articles), the agent replies and notes internally, the customer reads the reply (not the note) and its e-mail, the agent resolves, the customer rates it 5', async () => {
    const customerPage = suite.page;
    const agent = await newPage(suite.browser);
    try {
      let ticket: Ticket | undefined;
      await withPageReport(customerPage, async () => {
        await signInInEnglish(suite.context, customerPage, urls.customer, DEMO.customer.email);

        // The support pages from the navigation, then "New ticket".
        await open(customerPage, `${urls.customer}/`);
        const nav = customerPage.getByRole('navigation', { name: text('en', 'nav.main') });
        await nav.getByRole('link', { name: text('en', 'nav.support'), exact: true }).click();
        await customerPage.waitForURL(`${urls.customer}/tickets/`);
        await waitForHydration(customerPage);
        await customerPage.getByRole('link', { name: text('en', 'nav.newTicket') }).click();
        await customerPage.waitForURL(`${urls.customer}/tickets/new/`);
        await waitForHydration(customerPage);

        // While the subject is typed, matching knowledge base articles appear (the API's own best hit among them).
        const form = customerPage.getByRole('main');
        await form.getByLabel(text('en', 'desk.ticket.subject'), { exact: true }).pressSequentially('Late delivery');
        const asCustomer = await apiAs(urls.api, DEMO.customer.email);
        const { items: hits } = await asCustomer<{ items: Hit[] }>('GET', `/kb/search?q=${encodeURIComponent('Late delivery')}&lang=en`);
        expect(hits.length).toBeGreaterThan(0);
        const suggestions = customerPage.getByRole('region', { name: text('en', 'desk.customer.suggestions') });
        await suggestions.getByRole('link', { name: new RegExp(`^${hits[0]!.title}`) }).waitFor();
        await form.getByLabel(text('en', 'desk.ticket.subject'), { exact: true }).fill(subject);

        await form.getByLabel(text('en', 'desk.ticket.description'), { exact: true }).fill('Today the lunch boxes arrived at 13:30 instead of 12:00. Please tell us what happened.');
        await form.getByLabel(text('en', 'common.category')).selectOption('delivery');
        await form.getByLabel(text('en', 'desk.attachments.label'), { exact: false }).setInputFiles({ name: 'delivery-note.txt', mimeType: 'text/plain', buffer: Buffer.from(deliveryNote) });
        await form.getByRole('button', { name: text('en', 'desk.customer.create') }).click();

        // The ticket's own page: its number, the request and the uploaded file.
        await customerPage.waitForURL(/\/ticket\/\?id=/, { timeout: 30_000 });
        await waitForHydration(customerPage);
        const id = new URL(customerPage.url()).searchParams.get('id')!;
        ticket = await asCustomer<Ticket>('GET', `/tickets/${id}`);
        await form.getByRole('heading', { level: 1, name: text('en', 'desk.ticket.heading', { number: ticket.number }) }).waitFor();
        // The file chosen with the request came along (uploaded once the ticket existed).
        const file = form.getByRole('link', { name: text('en', 'desk.attachments.download', { name: 'delivery-note.txt', size: '1 KB' }) });
        const fetched = await customerPage.request.get(new URL((await file.getAttribute('href'))!, customerPage.url()).toString());
        expect(await fetched.text()).toBe(deliveryNote);
      });
      const { number } = ticket!;

      // --- the agent finds it in the queue, replies to the customer and adds an internal note ---
      await withPageReport(agent.page, async () => {
        const { page } = agent;
        await signInInEnglish(agent.context, page, urls.staff, AGENT);
        await open(page, `${urls.staff}/tickets/`);
        const main = page.getByRole('main');
        await main.getByRole('button', { name: text('en', 'desk.queue.open'), exact: true }).click();
        const link = main.getByRole('table').getByRole('link', { name: number, exact: true });
        // The open queue is oldest first: page on until the new ticket shows.
        const more = main.getByRole('button', { name: text('en', 'common.loadMore') });
        for (;;) {
          await link.or(more).first().waitFor();
          if (await link.isVisible()) break;
          await more.click();
        }
        const row = main.getByRole('row').filter({ has: page.getByRole('link', { name: number, exact: true }) });
        await row.getByText(text('en', 'desk.ticketStatus.new'), { exact: true }).waitFor();
        await link.click();
        await page.waitForURL(/\/ticket\/\?id=/);
        await waitForHydration(page);
        await main.getByRole('heading', { level: 1, name: `${number} · ${subject}` }).waitFor();
        // The ticket names its account, as a link to the account's page.
        await main.locator('dt', { hasText: new RegExp(`^${text('en', 'common.account')}$`) }).locator('xpath=following-sibling::dd[1]').getByRole('link', { name: 'PT. KITA', exact: true }).waitFor();
        await main.getByRole('region', { name: text('en', 'desk.sla.title') }).getByText(text('en', 'desk.sla.firstResponseDue')).waitFor();

        // A public reply (the default kind).
        await main.getByLabel(text('en', 'desk.composer.toCustomer')).check();
        await main.getByLabel(text('en', 'desk.composer.reply'), { exact: true }).fill(reply);
        await main.getByRole('button', { name: text('en', 'desk.composer.send') }).click();
        const thread = main.getByRole('region', { name: text('en', 'desk.ticket.thread') });
        await thread.getByText(reply).waitFor();
        await main.getByRole('status').filter({ hasText: text('en', 'desk.composer.sent') }).waitFor();

        // An internal note: set apart in the thread with its label.
        await main.getByLabel(text('en', 'desk.ticket.internalNote'), { exact: true }).first().check();
        await main.getByRole('textbox', { name: text('en', 'desk.ticket.internalNote'), exact: true }).fill(note);
        await main.getByRole('button', { name: text('en', 'desk.composer.addNote') }).click();
        const noteItem = thread.getByRole('listitem').filter({ hasText: note });
        await noteItem.waitFor();
        await noteItem.getByText(text('en', 'desk.ticket.internalNote'), { exact: true }).waitFor();
        expect(await thread.getByRole('listitem').filter({ hasText: reply }).getByText(text('en', 'desk.ticket.internalNote'), { exact: true }).count()).toBe(0);
      });

      // --- the customer reads the reply, never the note, and gets the reply by e-mail ---
      await withPageReport(customerPage, async () => {
        await customerPage.reload();
        await waitForHydration(customerPage);
        const thread = customerPage.getByRole('region', { name: text('en', 'desk.ticket.thread') });
        await thread.getByText(reply).waitFor();
        expect(await customerPage.locator('body').innerText()).not.toContain(note);
        const messages = await customerPage.request.get(`${urls.customer}/api/v1/tickets/${ticket!.id}/messages`);
        const bodies = ((await messages.json()) as { items: Message[] }).items;
        expect(bodies.some((message) => message.body === reply)).toBe(true);
        expect(bodies.some((message) => message.body === note || message.visibility === 'internal')).toBe(false);

        const mail = await waitForMail(urls.mail, DEMO.customer.email, (m) => m.subject.includes(number) && (m.body.text ?? m.body.html ?? '').includes(unique));
        expect(mail.body.text ?? mail.body.html).toContain(reply);
        expect(mail.body.text ?? mail.body.html).not.toContain(note);
      });

      // --- the agent resolves it ---
      await withPageReport(agent.page, async () => {
        const main = agent.page.getByRole('main');
        await main.getByRole('button', { name: text('en', 'desk.resolve') }).click();
        await main.getByRole('status').filter({ hasText: text('en', 'desk.resolved') }).waitFor();
        await main.getByRole('region', { name: text('en', 'common.details') }).getByText(text('en', 'desk.ticketStatus.resolved'), { exact: true }).waitFor();
      });

      // --- the customer rates it 5 and sees the rating, once ---
      await withPageReport(customerPage, async () => {
        await customerPage.reload();
        await waitForHydration(customerPage);
        const rating = customerPage.getByRole('region', { name: text('en', 'desk.customer.rateTitle') });
        await rating.getByLabel(text('en', 'desk.customer.score.5')).check();
        await rating.getByLabel(text('en', 'desk.customer.rateComment')).fill('Thank you for the quick answer.');
        await rating.getByRole('button', { name: text('en', 'desk.customer.rateSend') }).click();
        await rating.getByText(text('en', 'desk.customer.rated', { score: '5' })).waitFor();
        expect(await rating.getByRole('button', { name: text('en', 'desk.customer.rateSend') }).count()).toBe(0);
        const rated = await customerPage.request.get(`${urls.customer}/api/v1/tickets/${ticket!.id}`);
        expect(((await rated.json()) as Ticket).csat).toEqual({ score: 5, comment: 'Thank you for the quick answer.' });

        // After a reload it still shows the rating given, not the form.
        await customerPage.reload();
        await waitForHydration(customerPage);
        await rating.getByText(text('en', 'desk.customer.rated', { score: '5' })).waitFor();
        expect(await rating.getByRole('button', { name: text('en', 'desk.customer.rateSend') }).count()).toBe(0);
      });
    } finally {
      await agent.context.close();
    }
  });
});

describe('service desk: files on a reply', () => {
  const suite = suitePage();

  it('the customer attaches a file to a reply (uploaded with its progress; the reply links it, the link downloads it), then closes the ticket after confirming', () =>
    withPageReport(suite.page, async () => {
      const { page, context } = suite;
      const unique = Date.now().toString(36);
      const content = `Photo list of the late boxes ${unique}`;
      const asCustomer = await apiAs(urls.api, DEMO.customer.email);
      const ticket = await asCustomer<Ticket>('POST', '/tickets', { subject: `Damaged packaging ${unique}`, description: 'Three boxes arrived crushed.', category: 'delivery' });

      await signInInEnglish(context, page, urls.customer, DEMO.customer.email);
      await open(page, `${urls.customer}/ticket/?id=${encodeURIComponent(ticket.id)}`);
      const main = page.getByRole('main');
      await main.getByRole('heading', { level: 1, name: text('en', 'desk.ticket.heading', { number: ticket.number }) }).waitFor();
      await main.getByLabel(text('en', 'desk.composer.reply'), { exact: true }).fill(`The list is attached (${unique}).`);
      await main.getByLabel(text('en', 'desk.attachments.label'), { exact: false }).setInputFiles({ name: 'late-boxes.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
      const uploads = main.getByRole('list', { name: text('en', 'desk.attachments.list') });
      await uploads.getByText(text('en', 'desk.attachments.done'), { exact: true }).waitFor();
      await main.getByRole('button', { name: text('en', 'desk.composer.send') }).click();

      const thread = main.getByRole('region', { name: text('en', 'desk.ticket.thread') });
      const link = thread.getByRole('link', { name: text('en', 'desk.attachments.download', { name: 'late-boxes.txt', size: '1 KB' }) });
      await link.waitFor();
      const download = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).toString());
      expect(download.status()).toBe(200);
      expect(await download.text()).toBe(content);

      // Closing asks first; a closed ticket takes no more replies.
      await main.getByRole('button', { name: text('en', 'desk.close') }).click();
      const dialog = page.getByRole('dialog', { name: text('en', 'desk.closeTitle', { number: ticket.number }) });
      await dialog.getByRole('button', { name: text('en', 'desk.close') }).click();
      await dialog.waitFor({ state: 'hidden' });
      await main.getByRole('region', { name: text('en', 'desk.ticket.request') }).getByText(text('en', 'desk.ticketStatus.closed'), { exact: true }).waitFor();
      await main.getByText(text('en', 'desk.error.ticket_closed')).waitFor();
      expect(await main.getByRole('button', { name: text('en', 'desk.composer.send') }).count()).toBe(0);
    }));
});

describe('service desk: colleagues by name', () => {
  const suite = suitePage();

  it("an agent who is no admin sees the name of the colleague a ticket is assigned to", () =>
    withPageReport(suite.page, async () => {
      const { page, context } = suite;
      const asAgent = await apiAs(urls.api, AGENT);
      const asAdmin = await apiAs(urls.api, 'admin@kaktus.example');
      const admin = await asAdmin<{ user: { id: string; name: string } }>('GET', '/auth/me');
      const accounts = await asAgent<{ items: { id: string; name: string }[] }>('GET', '/accounts?limit=100');
      const kita = accounts.items.find((account) => account.name === 'PT. KITA')!;
      const ticket = await asAgent<Ticket>('POST', '/tickets', { accountId: kita.id, channel: 'phone', subject: `Invoice address ${Date.now().toString(36)}`, description: 'Asked by phone.', assigneeId: admin.user.id });

      await signInInEnglish(context, page, urls.staff, AGENT);
      await open(page, `${urls.staff}/ticket/?id=${encodeURIComponent(ticket.id)}`);
      const details = page.getByRole('main').getByRole('region', { name: text('en', 'common.details') });
      await details.getByText(admin.user.name, { exact: true }).waitFor();
      expect(await details.getByText(text('en', 'desk.agent', { id: admin.user.id.slice(-4).toUpperCase() })).count()).toBe(0);
    }));
});

describe('public knowledge base, signed out', () => {
  const suite = suitePage();

  it('lists articles by category, finds one, opens it and takes "helpful" feedback, in English and in Bahasa Indonesia', () =>
    withPageReport(suite.page, async () => {
      const { page } = suite;
      const read = async (locale: 'en' | 'id', query: string, yes: string, thanks: string) => {
        const main = page.getByRole('main');
        await main.getByRole('heading', { level: 1, name: text(locale, 'nav.kb') }).waitFor();
        const categories = main.getByRole('region', { name: text(locale, 'common.categories') });
        await categories.getByRole('link').first().waitFor();

        // The API's own answer for the same words: the page lists its best hit.
        const answer = await page.request.get(`${urls.customer}/api/v1/kb/search?q=${encodeURIComponent(query)}&lang=${locale}`);
        const { items: hits } = (await answer.json()) as { items: Hit[] };
        expect(hits.length).toBeGreaterThan(0);
        const best = hits[0]!;
        await main.getByRole('searchbox', { name: text(locale, 'kb.search') }).fill(query);
        const results = main.getByRole('region', { name: text(locale, 'kb.results', { q: query }) });
        await results.getByRole('link', { name: best.title, exact: true }).click();

        await page.waitForURL(/\/kb\/article\/\?slug=/);
        await waitForHydration(page);
        await main.getByRole('heading', { level: 1, name: best.title }).waitFor();
        const before = (await (await page.request.get(`${urls.customer}/api/v1/kb/articles/by-slug/${best.slug}?lang=${locale}`)).json()) as Article;
        const feedback = main.getByRole('region', { name: text(locale, 'kb.helpful') });
        await feedback.getByRole('button', { name: yes, exact: true }).click();
        await feedback.getByRole('status').filter({ hasText: thanks }).waitFor();
        const after = (await (await page.request.get(`${urls.customer}/api/v1/kb/articles/by-slug/${best.slug}?lang=${locale}`)).json()) as Article;
        expect(after.helpfulYes).toBe(before.helpfulYes + 1);
      };

      // Signed out, the navigation still offers the knowledge base.
      await open(page, `${urls.customer}/sign-in/`);
      const nav = page.getByRole('navigation', { name: text('en', 'nav.main') });
      await nav.getByRole('link', { name: text('en', 'nav.kb'), exact: true }).click();
      await page.waitForURL(`${urls.customer}/kb/`);
      await waitForHydration(page);
      await read('en', 'halal', text('en', 'common.yes'), text('en', 'kb.thanks'));

      // Bahasa Indonesia: the articles of that language.
      await open(page, `${urls.customer}/kb/`);
      await page.getByLabel(text('en', 'common.language')).selectOption('id');
      await read('id', 'halal', text('id', 'common.yes'), text('id', 'kb.thanks'));
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
    }));
});
