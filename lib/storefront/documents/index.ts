export * from './cart';
export * from './product';
