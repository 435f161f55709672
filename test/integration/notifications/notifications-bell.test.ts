import { notify } from '../../../shared/modules/notifications/services/notify.service';
import type { NotificationDraft } from '../../../shared/modules/notifications/domain/notification';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { bell, newStaff, tag, type Staff } from './notifications.fixture';

let tokens: Record<DemoLogin, string>;
let dewi: Staff;
let budi: Staff;

beforeAll(async () => {
  tokens = await demoWorld();
  [dewi, budi] = await Promise.all([newStaff(tokens.admin), newStaff(tokens.admin)]);
}, SETUP_TIMEOUT_MS);

const draft = (recipient: Staff, title = `Lead ${tag()}`): NotificationDraft => ({ recipientId: recipient.id, kind: 'lead_assigned', cause: `test#${tag()}`, record: { type: 'lead', id: `L-${tag()}`, title } });

describe('GET /notifications', () => {
  it('lists only the caller’s own, newest first, with the unread count, page by page', async () => {
    const titles: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = draft(dewi);
      titles.push(d.record.title);
      expect(await notify(d)).toEqual({ created: true });
    }
    await notify(draft(budi, 'Budi’s own'));
    const first = await bell(dewi.token, 'limit=2');
    expect(first.unread).toBe(3);
    expect(first.items.map((n) => n.record.title)).toEqual([titles[2], titles[1]]);
    expect(first.items[0]).toMatchObject({ kind: 'lead_assigned', record: { type: 'lead' }, readAt: null });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await bell(dewi.token, `limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((n) => n.record.title)).toEqual([titles[0]]);
    expect(second.nextCursor).toBeNull();
    // A cursor is bound to its caller.
    const stolen = await call('GET', `/notifications?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`, { token: budi.token });
    expect(stolen.status).toBe(400);
    const budis = await bell(budi.token);
    expect(budis.items.map((n) => n.record.title)).toEqual(['Budi’s own']);
    expect((await call('GET', '/notifications/unread-count', { token: budi.token })).body).toEqual({ unread: 1 });
  });

  it('writes nothing for a cause told before', async () => {
    const d = draft(budi);
    const before = (await bell(budi.token)).unread;
    expect(await notify(d)).toEqual({ created: true });
    expect(await notify(d)).toEqual({ created: false });
    const after = await bell(budi.token);
    expect(after.unread).toBe(before + 1);
    expect(after.items.filter((n) => n.record.title === d.record.title)).toHaveLength(1);
  });

  it('answers 401 without a session and 403 to a customer', async () => {
    expect((await call('GET', '/notifications')).status).toBe(401);
    expect((await call('GET', '/notifications', { token: tokens.customer })).status).toBe(403);
    expect((await call('POST', '/notifications/read-all', { token: tokens.customer })).status).toBe(403);
  });
});

describe('marking read', () => {
  it('marks one read (again: no change) and counts one fewer; someone else’s is 404', async () => {
    const ana = await newStaff(tokens.admin);
    await notify(draft(ana, 'First'));
    await notify(draft(ana, 'Second'));
    const { items, unread } = await bell(ana.token);
    expect(unread).toBe(2);
    const target = items.find((n) => n.record.title === 'First')!;
    expect((await call('POST', `/notifications/${target.id}/read`, { token: budi.token })).status).toBe(404);
    expect((await call('POST', '/notifications/no-such-id/read', { token: ana.token })).status).toBe(404);
    const marked = await call('POST', `/notifications/${target.id}/read`, { token: ana.token });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: target.id, readAt: expect.any(String) });
    const again = await call('POST', `/notifications/${target.id}/read`, { token: ana.token });
    expect(again.body.readAt).toBe(marked.body.readAt);
    const after = await bell(ana.token);
    expect(after.unread).toBe(1);
    expect(after.items.find((n) => n.id === target.id)!.readAt).toBe(marked.body.readAt);
  });

  it('marks all read in one go; later ones count again, earlier ones stay read', async () => {
    const eko = await newStaff(tokens.admin);
    for (let i = 0; i < 4; i++) await notify(draft(eko));
    const all = await call('POST', '/notifications/read-all', { token: eko.token });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ unread: 0 });
    const read = await bell(eko.token);
    expect(read.unread).toBe(0);
    expect(read.items.every((n) => n.readAt !== null)).toBe(true);
    // Marking one of them read afterwards changes nothing, and the count stays at zero.
    expect((await call('POST', `/notifications/${read.items[0]!.id}/read`, { token: eko.token })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await notify(draft(eko, 'After all read'));
    const later = await bell(eko.token);
    expect(later.unread).toBe(1);
    expect(later.items[0]).toMatchObject({ record: { title: 'After all read' }, readAt: null });
  });
});
