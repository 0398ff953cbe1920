import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, ValidateNested } from 'class-validator';
import { DEFAULT_LETTER_WORDING, type LetterWording } from '@banli/letters';

const PLACEHOLDER_NOTE = 'Placeholders in braces, see GET /api/admin/letter-wording (placeholders)';

export class LetterAdoptionPhrasesDto {
  @ApiProperty({ example: DEFAULT_LETTER_WORDING.adoption.adopted }) @IsString() adopted!: string;
  @ApiProperty({ example: DEFAULT_LETTER_WORDING.adoption['partly-adopted'] }) @IsString() 'partly-adopted'!: string;
  @ApiProperty({ example: DEFAULT_LETTER_WORDING.adoption['for-reference'] }) @IsString() 'for-reference'!: string;
}

/** A wording as an admin sets it; its placeholders are checked by checkLetterWording (422 per field). */
export class LetterWordingDto implements LetterWording {
  @ApiProperty({ example: DEFAULT_LETTER_WORDING.opening, description: PLACEHOLDER_NOTE }) @IsString() opening!: string;
  @ApiProperty({
    example: DEFAULT_LETTER_WORDING.consulted,
    description: 'What {consulted} prints when units were consulted (nothing when none were)',
  })
  @IsString()
  consulted!: string;
  @ApiProperty({ example: DEFAULT_LETTER_WORDING.closing, description: PLACEHOLDER_NOTE }) @IsString() closing!: string;
  @ApiProperty({ example: DEFAULT_LETTER_WORDING.sectionHeading, description: 'After the number 一、; {pointTitle}' })
  @IsString()
  sectionHeading!: string;
  @ApiProperty({ type: LetterAdoptionPhrasesDto, description: "Each section's adoption sentence, by adoption" })
  @ValidateNested()
  @Type(() => LetterAdoptionPhrasesDto)
  adoption!: LetterAdoptionPhrasesDto;
  @ApiProperty({ example: '您', description: '{you} for one proposer' }) @IsString() addressOne!: string;
  @ApiProperty({ example: '您们', description: '{you} for several proposers' }) @IsString() addressMany!: string;
}

export class LetterWordingResponse extends LetterWordingDto {}

export class StoredLetterWordingResponse {
  @ApiProperty({ enum: ['city', 'unit'] }) scope!: 'city' | 'unit';
  @ApiPropertyOptional({ description: 'The issuing unit, for a unit scope' }) unitId?: string;
  @ApiProperty({ type: LetterWordingResponse }) wording!: LetterWordingResponse;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'User id of the admin' }) updatedBy!: string;
}

export class LetterPlaceholderResponse {
  @ApiProperty({ example: 'you' }) name!: string;
  @ApiProperty() description!: string;
}

export class LetterWordingListResponse {
  @ApiProperty({ type: LetterWordingResponse, description: 'The built-in wording, used when the city sets none' })
  defaultWording!: LetterWordingResponse;
  @ApiPropertyOptional({ type: StoredLetterWordingResponse, description: "The city's default, when set" })
  city?: StoredLetterWordingResponse;
  @ApiProperty({ type: [StoredLetterWordingResponse], description: 'Issuing units with their own wording' })
  units!: StoredLetterWordingResponse[];
  @ApiProperty({ type: [LetterPlaceholderResponse] }) placeholders!: LetterPlaceholderResponse[];
}
