// The routes table: method + path pattern -> route name and handler.
import { handleExecute } from './handlers/execute';
import { handleGetReviewForm, handleListReviews, handleSubmitReview } from './handlers/reviews';
import { handleCancelRun, handleGetRun } from './handlers/runs';
import type { RouteHandler } from './route-types';
import type { RouteName } from './types';

/** Where a request goes: an API route, the stats route, or nowhere. */
export type RouteMatch =
  | { kind: 'api'; name: RouteName; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'stats' }
  | { kind: 'wrong-method'; allow: string }
  | { kind: 'none' };

interface RouteEntry {
  method: 'GET' | 'POST';
  pattern: RegExp;
  name: RouteName | 'stats';
  handler?: RouteHandler;
}

const SEGMENT = '([^/]+)';

const ROUTES: RouteEntry[] = [
  { method: 'POST', pattern: /^\/api\/v1\/workflow-runs\/execute$/, name: 'execute', handler: handleExecute },
  { method: 'GET', pattern: new RegExp(`^/api/v1/workflow-runs/(?<runId>${SEGMENT})$`), name: 'getRun', handler: handleGetRun },
  { method: 'POST', pattern: new RegExp(`^/api/v1/workflow-runs/(?<runId>${SEGMENT})/cancel$`), name: 'cancelRun', handler: handleCancelRun },
  { method: 'GET', pattern: /^\/api\/v1\/user-forms$/, name: 'listReviews', handler: handleListReviews },
  { method: 'GET', pattern: new RegExp(`^/api/v1/user-forms/(?<formId>${SEGMENT})$`), name: 'getReviewForm', handler: handleGetReviewForm },
  { method: 'POST', pattern: new RegExp(`^/api/v1/user-forms/(?<formId>${SEGMENT})/submit$`), name: 'submitReview', handler: handleSubmitReview },
  { method: 'GET', pattern: /^\/_sim\/stats$/, name: 'stats' },
];

function decodeParams(groups: Record<string, string> | undefined): Record<string, string> | undefined {
  try {
    return Object.fromEntries(Object.entries(groups ?? {}).map(([key, value]) => [key, decodeURIComponent(value)]));
  } catch {
    return undefined;
  }
}

/** Finds the route of `method path` (the path without its query string). */
export function matchRoute(method: string, path: string): RouteMatch {
  const candidates = ROUTES.filter((route) => route.pattern.test(path));
  // `/workflow-runs/execute` also fits the get-run pattern; the table order makes execute win for POST.
  const route = candidates.find((entry) => entry.method === method);
  if (!route) return candidates.length > 0 ? { kind: 'wrong-method', allow: [...new Set(candidates.map((c) => c.method))].join(', ') } : { kind: 'none' };
  if (route.name === 'stats' || !route.handler) return { kind: 'stats' };
  const params = decodeParams(route.pattern.exec(path)?.groups);
  return params ? { kind: 'api', name: route.name, handler: route.handler, params } : { kind: 'none' };
}
