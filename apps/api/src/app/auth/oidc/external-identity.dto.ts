import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';

const ISSUER_DESCRIPTION = "The provider's issuer; the configured OIDC_ISSUER when omitted";

export class LinkExternalIdentityDto {
  @ApiProperty({ description: "The provider's subject (the ID token's `sub`)", example: '4f1c2a' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  subject!: string;

  @ApiProperty({ description: 'The Banli user it signs in as', example: 'lead-handler' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  userId!: string;

  @ApiPropertyOptional({ description: ISSUER_DESCRIPTION, example: 'https://id.example.gov.cn/oidc' })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(300)
  issuer?: string;
}

export class UnlinkExternalIdentityQuery {
  @ApiProperty({ description: "The provider's subject" })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  subject!: string;

  @ApiPropertyOptional({ description: ISSUER_DESCRIPTION })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(300)
  issuer?: string;
}

export class ExternalIdentitiesQuery {
  @ApiPropertyOptional({ description: "Only this user's links" })
  @IsOptional()
  @Matches(/^[\w.-]{1,64}$/)
  userId?: string;
}
