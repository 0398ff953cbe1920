import { KEY_LEADER_ROLE } from '@banli/domain';
import type {
  CitySettings,
  IDirectoryRepository,
  IOrganisationRepository,
  PersonName,
  UnitView,
} from '@banli/persistence';

/** The organisation as every signed-in user sees it: names for the unit and user ids in every other answer. */
export class UnitsService {
  constructor(
    private readonly directory: IDirectoryRepository,
    private readonly organisation: Pick<IOrganisationRepository, 'personNames' | 'citySettings' | 'people'>,
  ) {}

  list(): Promise<UnitView[]> {
    return this.directory.units();
  }

  /** Who may be chosen as a key proposal's leader (领办领导): enabled users with the domain's KEY_LEADER_ROLE. */
  async keyLeaders(): Promise<PersonName[]> {
    return (await this.organisation.people())
      .filter((p) => p.enabled && p.roles.includes(KEY_LEADER_ROLE))
      .map(({ id, displayName, unitId, enabled }) => ({ id, displayName, unitId, enabled }));
  }

  people(): Promise<PersonName[]> {
    return this.organisation.personNames();
  }

  city(): Promise<CitySettings> {
    return this.organisation.citySettings();
  }
}
