import { Module } from '@nestjs/common';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { NotificationDeliveriesController } from './notification-deliveries.controller';
import { NotificationDeliveriesService } from './notification-deliveries.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  controllers: [NotificationsController, NotificationDeliveriesController],
  providers: [
    {
      provide: NotificationsService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new NotificationsService(repos.notifications),
    },
    {
      provide: NotificationDeliveriesService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new NotificationDeliveriesService(repos.notificationDeliveries),
    },
  ],
})
export class NotificationsModule {}
