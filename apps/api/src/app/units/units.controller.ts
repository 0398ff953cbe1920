import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../common/api-responses';
import { UnitResponse } from './units.response';
import { DataSource } from 'typeorm';
import { execSql } from '@banli/persistence';

export interface UnitView {
  id: string;
  name: string;
  kind: string;
}

/** The organisation units: names for the ids in every other answer (for any signed-in user). */
@ApiTags('units')
@ApiSignedIn()
@Controller('units')
export class UnitsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: [UnitResponse], description: 'Every unit: id, name and kind' })
  async list(): Promise<UnitView[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "name", "kind" FROM "org_unit" ORDER BY "kind", "id"`,
    );
    return rows.map((r) => ({ id: String(r['id']), name: String(r['name']), kind: String(r['kind']) }));
  }
}
