export * from './protocol.js';
export * from './schemas.js';
export * from './events.js';
export * from './media.js';
