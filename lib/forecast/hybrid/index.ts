export { HybridLstmRun } from './hybrid-lstm';
export { componentAt, decompose, recompose, remainderUpTo, type Decomposition } from './decomposition';
