import { DomainError } from '@banli/domain';
import type {
  DeliveryAttemptView,
  DeliveryPage,
  DeliveryView,
  INotificationDeliveryRepository,
} from '@banli/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { DeliveryQueryDto } from './notification.dtos';

/** External deliveries (e-mail, webhook, SMS) as an admin follows them, and the retry of a failed one. */
export class NotificationDeliveriesService {
  constructor(private readonly deliveries: INotificationDeliveryRepository) {}

  list(q: DeliveryQueryDto): Promise<DeliveryPage> {
    return this.deliveries.list({
      ...(q.status ? { status: q.status } : {}),
      ...(q.outboxId ? { outboxId: q.outboxId } : {}),
      page: q.page,
      pageSize: q.pageSize,
    });
  }

  async get(id: string): Promise<DeliveryView & { history: DeliveryAttemptView[] }> {
    const delivery = await this.deliveries.get(id);
    if (!delivery) throw new DomainError('NOT_FOUND', 'No such notification delivery');
    return delivery;
  }

  /** Puts a failed delivery back in the queue, due now, with a fresh set of attempts (audited). */
  retry(user: AuthenticatedUser, id: string): Promise<DeliveryView> {
    return this.deliveries.retry(user, id);
  }
}
