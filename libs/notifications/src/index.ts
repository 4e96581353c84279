export * from './mail/mail-message';
export * from './mail/mail-transport';
export * from './notifications-worker.module';
export * from './notifications.module';
