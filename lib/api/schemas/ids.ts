// The shape of an id, checked before an id reaches a query: a NUL byte or a megabyte of text
// would otherwise fail inside PostgreSQL as a 500.
import { z } from 'zod';

/** What every stored id looks like: cuids, UUIDs, and the short names of older rows and tests. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Any entity id in a body or query (e.g. `seriesId`): checked by shape before it reaches a query. */
export const entityId = z.string().regex(ID_PATTERN, 'must be an id: 1 to 128 letters, digits, "-" or "_"');
