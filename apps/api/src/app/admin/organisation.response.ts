import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, UNIT_KINDS } from '@banli/domain';
import type { AdminEventView, AdminUnitView, PersonName, PersonView } from '@banli/persistence';
import { ApiErrorContentResponse } from '../common/api-error.response';
import type { OrganisationImportReport, OrganisationImportRowResult } from './organisation.service';

export class AdminUnitResponse implements AdminUnitView {
  @ApiProperty({ example: 'human-resources' }) id!: string;
  @ApiProperty({ example: 'X市人力资源和社会保障局' }) name!: string;
  @ApiProperty({ example: '市人社局' }) shortName!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, example: 'X人社函' }) issuerCode!: string | null;
  @ApiProperty({ type: 'integer' }) sortOrder!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: 'integer', description: 'Open tasks: a unit with any cannot be disabled' }) openTasks!: number;
  @ApiProperty({ type: 'integer', description: 'Enabled people of the unit' }) people!: number;
}

export class PersonResponse implements PersonView {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ example: '张伟' }) displayName!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiProperty() enabled!: boolean;
}

export class PersonNameResponse implements PersonName {
  @ApiProperty({ description: 'The user id, as events and records name the person' }) id!: string;
  @ApiProperty({ example: '张伟' }) displayName!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() enabled!: boolean;
}

export class CommitteeNamesResponse {
  @ApiProperty() proposal!: string;
  @ApiProperty() suggestion!: string;
}

export class CitySettingsResponse {
  @ApiProperty({ example: 'X市人民政府' }) governmentName!: string;
  @ApiProperty({ type: CommitteeNamesResponse }) committeeNames!: CommitteeNamesResponse;
  @ApiProperty({ type: [String] }) copyTo!: string[];
}

export class AdminEventResponse implements AdminEventView {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty() actorUserId!: string;
  @ApiProperty() actorUnitId!: string;
  @ApiProperty({ example: 'unit-updated' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

export class AdminEventPageResponse {
  @ApiProperty({ type: [AdminEventResponse] }) items!: AdminEventResponse[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

export class OrganisationImportRowResponse implements OrganisationImportRowResult {
  @ApiProperty({ type: 'integer', description: '1-based position among the data rows (JSON: units, then people)' })
  row!: number;
  @ApiProperty({ enum: ['unit', 'person', 'unknown'] }) type!: 'unit' | 'person' | 'unknown';
  @ApiPropertyOptional({ description: 'The unit id or username of the row' }) id?: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'failed'] })
  status!: 'created' | 'updated' | 'unchanged' | 'failed';
  @ApiPropertyOptional({
    type: ApiErrorContentResponse,
    description: 'Why a failed row failed (nothing of it applied)',
  })
  error?: ApiErrorContentResponse;
}

export class OrganisationImportReportResponse implements OrganisationImportReport {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) created!: number;
  @ApiProperty({ type: 'integer' }) updated!: number;
  @ApiProperty({ type: 'integer' }) unchanged!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
  @ApiProperty({ type: [OrganisationImportRowResponse] }) rows!: OrganisationImportRowResponse[];
}
