// Every Supervity path the client calls, in one table (DESIGN.md section 3). The seed documents only
// execute and get-run, so each entry can be overridden by configuration.
import { SupervityConfigError } from './errors';

/** The name of each Supervity API call; also the route names the simulator reports in its stats. */
export type RouteName = 'execute' | 'getRun' | 'cancelRun' | 'listReviews' | 'getReviewForm' | 'submitReview';

/**
 * `METHOD /path` per call. `:name` placeholders are filled (URL-encoded) from the call's parameters;
 * a query pair whose placeholder has no value is dropped.
 */
export type RoutesTable = Record<RouteName, string>;

/** The default routes: what the simulator serves and DESIGN.md section 3 models. */
export const defaultRoutes: Readonly<RoutesTable> = Object.freeze({
  execute: 'POST /api/v1/workflow-runs/execute',
  getRun: 'GET /api/v1/workflow-runs/:runId',
  cancelRun: 'POST /api/v1/workflow-runs/:runId/cancel',
  listReviews: 'GET /api/v1/user-forms?runId=:runId&status=pending&page=:page&limit=:limit',
  getReviewForm: 'GET /api/v1/user-forms/:formId',
  submitReview: 'POST /api/v1/user-forms/:formId/submit',
});

/** A route resolved for one request. */
export interface ResolvedRoute {
  method: string;
  /** Path and query, ready to send. */
  path: string;
}

const routeShape = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/;

/** Merges overrides over the defaults and checks each entry reads `METHOD /path`. */
export function resolveRoutes(overrides: Partial<RoutesTable> = {}): RoutesTable {
  const routes: RoutesTable = { ...defaultRoutes };
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in defaultRoutes)) {
      throw new SupervityConfigError(`routes.${name} is not a Supervity route; known routes: ${Object.keys(defaultRoutes).join(', ')}`);
    }
    if (value === undefined) continue;
    if (typeof value !== 'string' || !routeShape.test(value)) {
      throw new SupervityConfigError(`routes.${name} must read "METHOD /path" (e.g. "${defaultRoutes[name as RouteName]}"), got ${JSON.stringify(value)}`);
    }
    routes[name as RouteName] = value;
  }
  return routes;
}

/** Fills a route's placeholders from `params`. */
export function buildRoute(template: string, params: Record<string, string | number | undefined> = {}): ResolvedRoute {
  const [method, target] = template.split(' ') as [string, string];
  const [pathTemplate, queryTemplate] = target.split('?', 2) as [string, string | undefined];
  const path = pathTemplate.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`route ${template} needs a value for :${name}`);
    return encodeURIComponent(String(value));
  });
  if (!queryTemplate) return { method, path };
  const query = queryTemplate
    .split('&')
    .map((pair) => pair.replace(/:(\w+)$/, (_, name: string) => (params[name] === undefined ? '\0' : encodeURIComponent(String(params[name])))))
    .filter((pair) => !pair.includes('\0'));
  return { method, path: query.length ? `${path}?${query.join('&')}` : path };
}
