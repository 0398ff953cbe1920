import type { DataSource } from 'typeorm';
import type { NotificationConfig } from '@banli/config';
import { createChannels } from './channels';
import { NotificationRelay, RelayLogger, consoleRelayLogger } from './notification-relay';

export * from './aliyun-sms';
export * from './backoff';
export * from './channels';
export * from './daily-digest';
export * from './fan-out';
export * from './notification-relay';
export * from './notification-text';
export * from './webhook-signature';

/** The relay with this deployment's channels (each only if configured). */
export function createNotificationRelay(
  dataSource: DataSource,
  config: NotificationConfig,
  options: { owner?: string; logger?: RelayLogger } = {},
): NotificationRelay {
  const logger = options.logger ?? consoleRelayLogger;
  return new NotificationRelay(dataSource, createChannels(config, { log: (m) => logger.info(m) }), {
    config: config.relay,
    logger,
    ...(options.owner ? { owner: options.owner } : {}),
  });
}
