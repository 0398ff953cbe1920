import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PASSWORD_POLICY } from '../auth/password-policy';

export class PasswordResetDto {
  @ApiPropertyOptional({
    description: `A temporary password of the admin's choosing (${PASSWORD_POLICY}); without it, one is generated`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  temporaryPassword?: string;
}
