import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus } from '@banli/persistence';
import { PageQueryDto } from '../common/page-query.dto';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only notifications not read yet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ description: 'Only the deliveries of this outbox row' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  outboxId?: string;
}

export class NotificationViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'assigned' }) kind!: string;
  @ApiProperty({ example: '【交办】市政协八届二次会议第20230117号提案《…》已交由贵单位主办' }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String }) proposalId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationViewDto] }) items!: NotificationViewDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({ type: 'integer', description: "The caller's unread notifications, whatever the filter" })
  unreadCount!: number;
}
