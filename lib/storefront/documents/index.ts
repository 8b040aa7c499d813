export * from './cart';
export * from './product';
export * from './shop';
