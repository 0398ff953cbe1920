import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, Role } from '@banli/domain';
import type { SignedInUser } from './authenticated-user';

export class UserResponse implements SignedInUser {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ example: 'industry-it' }) unitId!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
  @ApiProperty({
    description:
      'An admin reset the password: every route but me, the password change and sign-out answers 403 PASSWORD_CHANGE_REQUIRED until it is changed',
  })
  mustChangePassword!: boolean;
}

export class LoginResponse {
  @ApiProperty({ description: 'A signed JWT for `Authorization: Bearer …`' }) accessToken!: string;
  @ApiProperty({ type: 'integer', description: 'Seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
}

export class SessionResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ type: 'integer', description: 'Seconds until the session cookie expires' }) expiresIn!: number;
}

export class PasswordChangedResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ type: 'integer', description: 'Seconds until the new token or session expires' }) expiresIn!: number;
  @ApiPropertyOptional({
    description:
      'The new access token, for a caller that signed in with a Bearer token (a cookie session gets a new cookie instead)',
  })
  accessToken?: string;
}
