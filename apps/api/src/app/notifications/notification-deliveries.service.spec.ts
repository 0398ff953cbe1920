import type { DeliveryView } from '@banli/persistence';
import { newNotificationDeliveryRepositoryMock } from '../../../test/support/repository-mocks';
import { DeliveryQueryDto } from './notification.dtos';
import { NotificationDeliveriesService } from './notification-deliveries.service';

const FAILED: DeliveryView = {
  id: 'd-1',
  outboxId: 'assigned:8-2_20230117:education',
  channel: 'email',
  recipient: 'edu-handler',
  target: 'edu-handler@demo.banli.local',
  kind: 'assigned',
  subject: '【交办】',
  status: 'failed',
  attempts: 5,
  nextAttemptAt: '2025-12-01T02:00:00.000Z',
  lastAttemptAt: '2025-12-01T01:00:00.000Z',
  lastError: 'connection refused',
  sentAt: null,
  createdAt: '2025-12-01T00:00:00.000Z',
};

describe('NotificationDeliveriesService: external deliveries, as an admin follows them', () => {
  let deliveries: ReturnType<typeof newNotificationDeliveryRepositoryMock>;
  let sut: NotificationDeliveriesService;

  beforeEach(() => {
    deliveries = newNotificationDeliveryRepositoryMock();
    sut = new NotificationDeliveriesService(deliveries);
  });

  it('filters by status and outbox row only when asked', async () => {
    deliveries.list.mockResolvedValue({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
      counts: { pending: 0, sent: 0, failed: 0 },
    });
    await sut.list(Object.assign(new DeliveryQueryDto(), { page: 2, pageSize: 10, status: 'failed' }));
    expect(deliveries.list).toHaveBeenCalledWith({ status: 'failed', page: 2, pageSize: 10 });
  });

  it('shows one delivery with every attempt', async () => {
    deliveries.get.mockResolvedValue({ ...FAILED, history: [] });
    await expect(sut.get('d-1')).resolves.toMatchObject({ id: 'd-1', history: [] });
  });

  it('a delivery that does not exist is not found', async () => {
    deliveries.get.mockResolvedValue(undefined);
    await expect(sut.get('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
