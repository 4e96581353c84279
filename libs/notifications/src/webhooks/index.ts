export * from './webhook-delivery.entity';
export * from './webhook-dispatcher';
export * from './webhook-endpoint.entity';
export * from './webhook-signature';
export * from './webhook-url';
export * from './webhooks.module';
export * from './webhooks.service';
