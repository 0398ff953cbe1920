import { checkLetterWording, LETTER_PLACEHOLDERS, type LetterWordingScope } from '@banli/letters';
import type { ILetterWordingRepository, StoredLetterWording } from '@banli/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { LetterWordingListResponse, StoredLetterWordingResponse } from './letter-wording.dtos';

function viewOf(stored: StoredLetterWording): StoredLetterWordingResponse {
  return {
    scope: stored.scope.kind,
    ...(stored.scope.kind === 'unit' ? { unitId: stored.scope.unitId } : {}),
    wording: stored.wording,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

/**
 * The wording templates of reply letters (admin role): the city's default and each issuing
 * unit's own. A wording is checked whole before it is stored (unknown placeholder: 422 naming
 * the field); letters already signed keep the wording they were signed with.
 */
export class LetterWordingService {
  constructor(private readonly wordings: ILetterWordingRepository) {}

  async list(): Promise<LetterWordingListResponse> {
    const list = await this.wordings.list();
    return {
      defaultWording: list.defaultWording,
      ...(list.city ? { city: viewOf(list.city) } : {}),
      units: list.units.map(viewOf),
      placeholders: Object.entries(LETTER_PLACEHOLDERS).map(([name, description]) => ({ name, description })),
    };
  }

  async set(admin: AuthenticatedUser, scope: LetterWordingScope, input: unknown): Promise<StoredLetterWordingResponse> {
    return viewOf(await this.wordings.set(admin, scope, checkLetterWording(input)));
  }

  remove(admin: AuthenticatedUser, scope: LetterWordingScope): Promise<void> {
    return this.wordings.remove(admin, scope);
  }
}
