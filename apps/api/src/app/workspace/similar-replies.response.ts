import { ApiProperty } from '@nestjs/swagger';
import {
  ADOPTION_SENTENCE_PLACEMENTS,
  FOLLOW_UP_PROMISES,
  type AdoptionSentencePlacement,
  type FollowUpPromise,
} from '@banli/domain';
import type { SimilarReply, SimilarReplySection } from './similar-replies.service';

export class SimilarReplySectionResponse implements SimilarReplySection {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ example: 'adopted' }) adoption!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The heading’s subject, when the drafter gave one' })
  title!: string | null;
  @ApiProperty({ description: 'True when the letter printed no heading for this section' }) omitHeading!: boolean;
  @ApiProperty({
    enum: ADOPTION_SENTENCE_PLACEMENTS,
    description:
      'Where the letter printed the adoption sentence: its own paragraph, opening the text, or not at all ' +
      '(sections signed before the choice: inline)',
  })
  adoptionSentence!: AdoptionSentencePlacement;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) measures!: string[];
}

export class SimilarReplyResponse implements SimilarReply {
  @ApiProperty() proposalId!: string;
  @ApiProperty() sessionName!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty() documentNumber!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ example: 'B' }) replyClass!: string;
  @ApiProperty({ type: [String], description: 'Each distinct adoption status of its sections' }) adoptions!: string[];
  @ApiProperty({
    enum: FOLLOW_UP_PROMISES,
    description:
      'The follow-up promise of a follow-up class reply: kept by its deadline, kept late, broken (deadline passed ' +
      'without a report), pending; not-promised for other classes; unknown when the unit replied again since',
  })
  followUp!: FollowUpPromise;
  @ApiProperty({ type: [SimilarReplySectionResponse] }) sections!: SimilarReplySectionResponse[];
}
