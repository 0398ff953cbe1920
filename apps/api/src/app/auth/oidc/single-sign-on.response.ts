import { ApiProperty } from '@nestjs/swagger';
import type { ExternalIdentityView } from '@banli/persistence';

export class SingleSignOnProviderResponse {
  @ApiProperty({ description: 'Where the sign-in button goes', example: '/api/auth/oidc/login' }) loginUrl!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The platform's name for the button (OIDC_LABEL); null: the generic wording",
  })
  label!: string | null;
}

export class AuthProvidersResponse {
  @ApiProperty({
    type: SingleSignOnProviderResponse,
    nullable: true,
    description: 'Single sign-on (OpenID Connect), or null when it is not configured',
  })
  oidc!: SingleSignOnProviderResponse | null;
}

export class ExternalIdentityResponse implements ExternalIdentityView {
  @ApiProperty({ example: 'https://id.example.gov.cn/oidc' }) issuer!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ example: 'lead-handler' }) userId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
