import type { DataSource } from 'typeorm';
import { OrgUnitEntity, UserEntity } from './entities';
import { inTransaction } from './sql';

export interface UnitView {
  id: string;
  name: string;
  kind: string;
}

/** A unit to load into an empty directory; its issuer code prefixes its document numbers. */
export type NewUnit = UnitView & { issuerCode?: string | null };

/** A user to load into an empty directory (the demo city, a first installation). */
export type NewUser = Pick<
  UserEntity,
  'id' | 'username' | 'displayName' | 'passwordHash' | 'unitId' | 'roles' | 'email' | 'phone'
>;

/** The organisation directory: its units and the people who sign in for them. */
export interface IDirectoryRepository {
  /** Every unit, by kind, then id. */
  units(): Promise<UnitView[]>;
  userByUsername(username: string): Promise<UserEntity | null>;
  userById(id: string): Promise<UserEntity | null>;
  /** No unit yet: a fresh database. */
  isEmpty(): Promise<boolean>;
  /** Loads units and their users in one transaction. */
  load(units: readonly NewUnit[], users: readonly NewUser[], now: Date): Promise<void>;
}

export class DirectoryRepository implements IDirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async units(): Promise<UnitView[]> {
    const rows = await this.dataSource.getRepository(OrgUnitEntity).find({ order: { kind: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind }));
  }

  userByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username });
  }

  userById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(OrgUnitEntity).count()) === 0;
  }

  async load(units: readonly NewUnit[], users: readonly NewUser[], now: Date): Promise<void> {
    const at = now.toISOString();
    await inTransaction(this.dataSource, async (tx) => {
      await tx.getRepository(OrgUnitEntity).insert(units.map((u) => ({ ...u })));
      await tx
        .getRepository(UserEntity)
        .insert(users.map((u) => ({ ...u, disabled: 0, createdAt: at, updatedAt: at })));
    });
  }
}
