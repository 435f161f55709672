import type { Page } from '../../../platform/page';
import type { Audience } from '../domain/identity';
import { nowIso } from '../../../platform/clock';
import { newId, sortKeyText } from '../../../platform/db/keys';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { patchIfVersion } from '../../../platform/db/versioned-update';
import { EmailClaimEntity } from './email-claim.entity';
import { UserEntity, type UserRow } from './user.entity';

export type { UserRow };

export type NewUser = Omit<UserRow, 'userId' | 'sortName' | 'version' | 'createdAt' | 'updatedAt'>;

/** A new user record (not yet stored), for transactions. */
export function newUserRecord(input: NewUser): UserRow {
  const at = nowIso();
  return { ...input, userId: newId(), sortName: sortKeyText(input.name), version: 1, createdAt: at, updatedAt: at };
}

export const userRepository = {
  /** The user and its e-mail claim; the claim's condition makes a second login per e-mail impossible. */
  createOperations(row: UserRow) {
    return [
      EmailClaimEntity().create({ email: row.email, userId: row.userId }).params(),
      UserEntity().create(row).params(),
    ];
  },

  async get(userId: string): Promise<UserRow | undefined> {
    const { data } = await UserEntity().get({ userId }).go();
    return data ?? undefined;
  },

  async getMany(userIds: string[]): Promise<UserRow[]> {
    if (userIds.length === 0) return [];
    const { data } = await UserEntity().get(userIds.map((userId) => ({ userId }))).go();
    return data;
  },

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const { data: claim } = await EmailClaimEntity().get({ email }).go();
    return claim ? this.get(claim.userId) : undefined;
  },

  async emailTaken(email: string): Promise<boolean> {
    const { data } = await EmailClaimEntity().get({ email }).go();
    return Boolean(data);
  },

  list(request: PageRequest, audience?: Audience): Promise<Page<UserRow>> {
    const query = UserEntity().query.byName({});
    const filtered = audience ? query.where((attr, { contains }) => contains(attr.audiences, audience)) : query;
    return queryPage(request, (options) => filtered.go(options), (row) => row);
  },

  update(userId: string, expectedVersion: number, changes: Partial<Pick<UserRow, 'name' | 'roles' | 'status' | 'locale' | 'reminderLeadMinutes' | 'timeZone'>>): Promise<UserRow> {
    const withSort = typeof changes.name === 'string' ? { ...changes, sortName: sortKeyText(changes.name) } : changes;
    return patchIfVersion(() => UserEntity().patch({ userId }), 'User', expectedVersion, withSort);
  },

  /** An unconditional change made by the system (activation, new password), for transactions. */
  setOperation(userId: string, values: Partial<Pick<UserRow, 'status' | 'passwordHash' | 'name' | 'locale'>>) {
    return UserEntity().patch({ userId }).set({ ...values, updatedAt: nowIso() }).add({ version: 1 }).params();
  },
};
