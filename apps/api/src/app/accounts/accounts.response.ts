import { ApiProperty } from '@nestjs/swagger';
import type { AccountStanding } from './accounts.service';

export class AccountStandingResponse implements AccountStanding {
  @ApiProperty() userId!: string;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ description: 'The user must change their password at their next sign-in' })
  mustChangePassword!: boolean;
}

export class PasswordResetResponse extends AccountStandingResponse {
  @ApiProperty({ description: 'The temporary password to hand to the user; shown this once, stored only hashed' })
  temporaryPassword!: string;
}
