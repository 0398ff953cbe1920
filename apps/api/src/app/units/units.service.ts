import type { IDirectoryRepository, UnitView } from '@banli/persistence';

/** The organisation units: names for the ids in every other answer. */
export class UnitsService {
  constructor(private readonly directory: IDirectoryRepository) {}

  list(): Promise<UnitView[]> {
    return this.directory.units();
  }
}
