import { ApiProperty } from '@nestjs/swagger';

export class SimilarAssignmentResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() sessionName!: string;
  @ApiProperty({ type: String, nullable: true }) leadUnitId!: string | null;
  @ApiProperty({ type: [String], description: 'Every unit it is assigned to now, the lead included' })
  assignedUnitIds!: string[];
}

export class AssignmentSuggestionDetailResponse {
  @ApiProperty({
    enum: ['single', 'lead'],
    description: '`single`: one unit alone; `lead`: a lead unit with co-handlers',
  })
  mode!: 'single' | 'lead';
  @ApiProperty() leadUnitId!: string;
  @ApiProperty({ type: [String] }) coHandlerUnitIds!: string[];
  @ApiProperty({ description: "The lead's share (0–1) of the weighted precedents: how clear they are" })
  agreement!: number;
  @ApiProperty({
    type: [SimilarAssignmentResponse],
    description: 'The similar proposals it rests on, most similar first',
  })
  basis!: SimilarAssignmentResponse[];
}

export class AssignmentSuggestionResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty({
    type: AssignmentSuggestionDetailResponse,
    nullable: true,
    description: 'Null when no similar proposal was assigned to a unit that can take work now',
  })
  suggestion!: AssignmentSuggestionDetailResponse | null;
}
