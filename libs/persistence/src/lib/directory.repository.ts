import type { DataSource } from 'typeorm';
import { OrgUnitEntity, UserEntity } from './entities';
import { inTransaction } from './sql';

export interface UnitView {
  id: string;
  /** The full name, as screens show it. */
  name: string;
  /** What letters call it. */
  shortName: string;
  kind: string;
  /** A disabled unit keeps its name on its history but is never offered for new work. */
  enabled: boolean;
}

/** A unit to load into an empty directory; its issuer code prefixes its document numbers. */
export type NewUnit = Pick<UnitView, 'id' | 'name' | 'kind'> & {
  shortName?: string;
  issuerCode?: string | null;
  sortOrder?: number;
};

/** A user to load into an empty directory (the demo city, a first installation). */
export type NewUser = Pick<
  UserEntity,
  'id' | 'username' | 'displayName' | 'passwordHash' | 'unitId' | 'roles' | 'email' | 'phone'
>;

/** The organisation directory: its units and the people who sign in for them. */
export interface IDirectoryRepository {
  /** Every unit, disabled ones too (their names are on history): by the admin's order, then kind, then id. */
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
    const rows = await this.dataSource
      .getRepository(OrgUnitEntity)
      .find({ order: { sortOrder: 'ASC', kind: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      shortName: r.shortName ?? r.name,
      kind: r.kind,
      enabled: r.enabled === 1,
    }));
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
      await tx
        .getRepository(OrgUnitEntity)
        .insert(units.map((u) => ({ sortOrder: 0, enabled: 1, ...u, shortName: u.shortName ?? null })));
      await tx
        .getRepository(UserEntity)
        .insert(users.map((u) => ({ ...u, disabled: 0, createdAt: at, updatedAt: at })));
    });
  }
}
