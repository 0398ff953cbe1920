import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { DeliveryDetailResponse, DeliveryPageResponse, DeliveryResponse } from './notification.response';
import { DataSource } from 'typeorm';
import { DomainError } from '@banli/domain';
import { DeliveryPage, DeliveryView, NotificationDeliveryRepository } from '@banli/persistence';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DeliveryQueryDto } from './notification.dtos';

/** External deliveries (e-mail, webhook, SMS): their state, attempts and errors; retry of a failed one. */
@ApiTags('admin')
@ApiSignedIn()
@Roles('admin')
@Controller('admin/notification-deliveries')
export class NotificationDeliveriesController {
  private readonly deliveries: NotificationDeliveryRepository;

  constructor(dataSource: DataSource) {
    this.deliveries = new NotificationDeliveryRepository(dataSource);
  }

  @Get()
  @ApiOkResponse({ type: DeliveryPageResponse, description: 'Deliveries, newest first, with counts per status' })
  list(@Query() q: DeliveryQueryDto): Promise<DeliveryPage> {
    return this.deliveries.list({
      ...(q.status ? { status: q.status } : {}),
      ...(q.outboxId ? { outboxId: q.outboxId } : {}),
      page: q.page,
      pageSize: q.pageSize,
    });
  }

  @Get(':id')
  @ApiOkResponse({ type: DeliveryDetailResponse, description: 'One delivery with every attempt' })
  @ApiError(404, 'No such delivery (NOT_FOUND)')
  async get(@Param('id') id: string) {
    const delivery = await this.deliveries.get(id);
    if (!delivery) throw new DomainError('NOT_FOUND', 'No such notification delivery');
    return delivery;
  }

  /** Puts a failed delivery back in the queue, due now, with a fresh set of attempts (audited). */
  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: DeliveryResponse, description: 'Queued again' })
  @ApiError(404, 'No such delivery (NOT_FOUND)')
  @ApiError(409, 'Already sent (ALREADY_DONE)')
  retry(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<DeliveryView> {
    return this.deliveries.retry(user, id);
  }
}
