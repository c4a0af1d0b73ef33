export * from './events.js';
export * from './retry.js';
export * from './subscriptions.js';
export * from './outbox.js';
export * from './deliveries.js';
export * from './webhook.js';
export * from './worker.js';
export * from './public-mail.js';
