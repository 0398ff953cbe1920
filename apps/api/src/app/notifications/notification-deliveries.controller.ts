import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { DeliveryDetailResponse, DeliveryPageResponse, DeliveryResponse } from './notification.response';

import type { DeliveryPage, DeliveryView } from '@banli/persistence';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NotificationDeliveriesService } from './notification-deliveries.service';
import { DeliveryQueryDto } from './notification.dtos';

/** External deliveries (e-mail, webhook, SMS): their state, attempts and errors; retry of a failed one. */
@ApiTags('admin')
@ApiSignedIn()
@Roles('admin')
@Controller('admin/notification-deliveries')
export class NotificationDeliveriesController {
  constructor(private readonly deliveries: NotificationDeliveriesService) {}

  @Get()
  @ApiOkResponse({ type: DeliveryPageResponse, description: 'Deliveries, newest first, with counts per status' })
  list(@Query() q: DeliveryQueryDto): Promise<DeliveryPage> {
    return this.deliveries.list(q);
  }

  @Get(':id')
  @ApiOkResponse({ type: DeliveryDetailResponse, description: 'One delivery with every attempt' })
  @ApiError(404, 'No such delivery (NOT_FOUND)')
  get(@Param('id') id: string) {
    return this.deliveries.get(id);
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
