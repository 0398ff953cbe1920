import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role } from '@banli/domain';
import type { AuthenticatedUser } from './authenticated-user';

export class UserResponse implements AuthenticatedUser {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ example: 'industry-it' }) unitId!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
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
