// Time steps: frequencies as unit x multiple, their arithmetic and their inference.
export * from './frequency';
export * from './infer';
