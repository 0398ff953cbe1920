import { ApiProperty } from '@nestjs/swagger';

export class LetterFormatResponse {
  @ApiProperty({ enum: ['html', 'docx', 'pdf'] }) format!: string;
  @ApiProperty({ description: 'SHA-256 of the frozen bytes, hex' }) sha256!: string;
  @ApiProperty({ type: 'integer' }) bytes!: number;
}

export class SignedLetterResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ example: 'X工信函〔2026〕41号' }) documentNumber!: string;
  @ApiProperty({ type: [LetterFormatResponse] }) formats!: LetterFormatResponse[];
}
