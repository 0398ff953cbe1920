import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATUSES } from '@banli/persistence';
import type { DeliveryAttemptView, DeliveryPage, DeliveryStatus, DeliveryView } from '@banli/persistence';

export class MarkedReadResponse {
  @ApiProperty({ type: 'integer', description: 'How many notifications were marked read' }) marked!: number;
}

export class NotificationReadResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time', description: 'The first time it was read' }) readAt!: string;
}

export class DeliveryResponse implements DeliveryView {
  @ApiProperty() id!: string;
  @ApiProperty() outboxId!: string;
  @ApiProperty({ example: 'email', description: 'email, webhook or sms' }) channel!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty() target!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeliveryAttemptResponse implements DeliveryAttemptView {
  @ApiProperty({ type: 'integer' }) attempt!: number;
  @ApiProperty() relay!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) finishedAt!: string;
  @ApiProperty() outcome!: string;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'After a failure: when the next attempt was scheduled (null after the last one)',
  })
  nextAttemptAt!: string | null;
}

export class DeliveryDetailResponse extends DeliveryResponse {
  @ApiProperty({ type: [DeliveryAttemptResponse] }) history!: DeliveryAttemptResponse[];
}

export class DeliveryCountsResponse implements Record<DeliveryStatus, number> {
  @ApiProperty({ type: 'integer' }) pending!: number;
  @ApiProperty({ type: 'integer' }) sent!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
}

export class DeliveryPageResponse implements DeliveryPage {
  @ApiProperty({ type: [DeliveryResponse] }) items!: DeliveryResponse[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({ type: DeliveryCountsResponse, description: 'Deliveries per status, whatever the filter' })
  counts!: DeliveryCountsResponse;
}
