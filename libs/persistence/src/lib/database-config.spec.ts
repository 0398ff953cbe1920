import { databaseConfigFromEnv, describeDatabase } from './database-config';

describe('DATABASE_URL', () => {
  it('defaults to a SQLite file in the data directory', () => {
    expect(databaseConfigFromEnv({}, '/srv/banli')).toEqual({ type: 'sqlite', file: '/srv/banli/data/banli.sqlite' });
    expect(databaseConfigFromEnv({ BANLI_DATA_DIR: '/var/lib/banli' }, '/srv')).toEqual({
      type: 'sqlite',
      file: '/var/lib/banli/banli.sqlite',
    });
  });

  it('selects PostgreSQL for postgres:// and postgresql:// URLs', () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://u:p@db:5432/banli' })).toEqual({
      type: 'postgres',
      url: 'postgres://u:p@db:5432/banli',
      poolSize: 10,
    });
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgresql://db/banli', DATABASE_POOL_SIZE: '30' })).toMatchObject({
      type: 'postgres',
      poolSize: 30,
    });
  });

  it('selects SQLite for sqlite: URLs, relative to the working directory', () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: 'sqlite:x/y.sqlite' }, '/w')).toEqual({
      type: 'sqlite',
      file: '/w/x/y.sqlite',
    });
  });

  it('refuses anything else', () => {
    expect(() => databaseConfigFromEnv({ DATABASE_URL: 'mysql://db/banli' })).toThrow(/DATABASE_URL/);
    expect(() => databaseConfigFromEnv({ DATABASE_URL: 'postgres://db/b', DATABASE_POOL_SIZE: '0' })).toThrow(
      /DATABASE_POOL_SIZE/,
    );
  });

  it('never prints the password', () => {
    expect(describeDatabase({ type: 'postgres', url: 'postgres://banli:s3cret@db:5432/banli', poolSize: 1 })).toBe(
      'postgres://banli@db:5432/banli',
    );
  });
});
