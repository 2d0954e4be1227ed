export { default as Decimal } from 'decimal.js';
export * from './parse';
export * from './interval';
export * from './format';
export * from './scaled';
