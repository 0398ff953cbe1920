import { ApiProperty } from '@nestjs/swagger';

export class PublicReplyResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty() sessionName!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty() documentNumber!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: [String], description: 'The full text of the letter, one line or paragraph per entry' })
  lines!: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SHA-256 (hex) of the signed PDF as frozen at sign-off: a downloaded copy must hash to it',
  })
  pdfSha256!: string | null;
}

export class PublicReplyPageResponse {
  @ApiProperty({ type: [PublicReplyResponse] }) items!: PublicReplyResponse[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}
