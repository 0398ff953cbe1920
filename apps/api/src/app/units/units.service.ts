import type { CitySettings, IDirectoryRepository, IOrganisationRepository, PersonName, UnitView } from '@banli/persistence';

/** The organisation as every signed-in user sees it: names for the unit and user ids in every other answer. */
export class UnitsService {
  constructor(
    private readonly directory: IDirectoryRepository,
    private readonly organisation: Pick<IOrganisationRepository, 'personNames' | 'citySettings'>,
  ) {}

  list(): Promise<UnitView[]> {
    return this.directory.units();
  }

  people(): Promise<PersonName[]> {
    return this.organisation.personNames();
  }

  city(): Promise<CitySettings> {
    return this.organisation.citySettings();
  }
}
