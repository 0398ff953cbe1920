import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_POLICY } from './password-policy';

export class ChangePasswordDto {
  @ApiProperty({ example: 'banli-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  /** Checked against the policy by the service, so every broken rule is named in the answer. */
  @ApiProperty({ example: 'a-new-passphrase-2027', description: `The new password: ${PASSWORD_POLICY}` })
  @IsString()
  @MaxLength(1000)
  newPassword!: string;
}
