import { Module } from '@nestjs/common';
import { NotificationDeliveriesController } from './notification-deliveries.controller';
import { NotificationsController } from './notifications.controller';

@Module({ controllers: [NotificationsController, NotificationDeliveriesController] })
export class NotificationsModule {}
