import type { Prisma } from './generated/prisma/client';

/**
 * Prisma's Json input type only accepts types with an index signature, which interfaces such as
 * ForecastConfig lack. The values passed here are plain JSON data (numbers, strings, arrays).
 */
export function jsonValue(value: object): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
