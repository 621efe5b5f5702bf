// The browser's check and the server's answer agree: the same bad body gets the same field messages
// from lib/client's pre-send check (lib/client/validate.ts) as from the route itself.
import { describe, expect, it } from 'vitest';
import { POST as signUpRoute } from '@/app/api/auth/sign-up/route';
import { POST as createScheduleRoute } from '@/app/api/schedules/route';
import { POST as createTokenRoute } from '@/app/api/tokens/route';
import { createTokenBody, signUpBody } from '@/lib/api/schemas/auth';
import { createScheduleBody } from '@/lib/api/schemas/schedules';
import { callJson } from '@/test/api';
import { apiErrorFrom } from '@/lib/client/api-error';
import { requestProblem } from '@/lib/client/validate';

const cases = [
  {
    name: 'sign-up',
    path: '/api/auth/sign-up',
    route: signUpRoute,
    schema: signUpBody,
    body: { email: 'ada-at-example', password: 'short' },
    as: null,
  },
  {
    name: 'API token',
    path: '/api/tokens',
    route: createTokenRoute,
    schema: createTokenBody,
    body: { name: ' ' },
    as: undefined,
  },
  {
    name: 'schedule',
    path: '/api/schedules',
    route: createScheduleRoute,
    schema: createScheduleBody,
    body: { seriesId: 'some-series', every: '1m', config: { horizon: 0 } },
    as: undefined,
  },
];

describe('the browser checks a request as the server does', () => {
  for (const { name, path, route, schema, body, as } of cases) {
    it(name, async () => {
      const answer = await callJson(route, { method: 'POST', path, body, ...(as === null ? { as: null } : {}) });
      expect(answer.status).toBe(400);
      const server = apiErrorFrom(answer.status, '', answer.body);
      const browser = requestProblem(schema, body);
      expect(browser?.fieldErrors).toEqual(server.fieldErrors);
      expect(Object.keys(server.fieldErrors).length).toBeGreaterThan(0);
    });
  }
});
