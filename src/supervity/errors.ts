// One error hierarchy for the client: a stable `code`, the server's facts, never a credential
// (the client scrubs the token from anything the server echoes before it gets here).

/** Base of every error this package's HTTP client throws; match on `code`, which never changes. */
export class SupervityError extends Error {
  /** Stable machine-readable code, e.g. `SUPERVITY_NOT_FOUND`. */
  readonly code: string = 'SUPERVITY_ERROR';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A configuration value is missing or invalid; the message names the option or variable and the fix. */
export class SupervityConfigError extends SupervityError {
  override readonly code = 'SUPERVITY_CONFIG_ERROR';
}

/** A run input was refused locally, before any request (bad file reference, oversized inline file...). */
export class SupervityInputError extends SupervityError {
  override readonly code = 'SUPERVITY_INPUT_ERROR';

  constructor(
    message: string,
    /** The input name, when one input is at fault. */
    readonly input?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Where a request went: method and path (never the query's values beyond the route's own, never headers). */
export interface RequestFacts {
  method: string;
  path: string;
}

/** The server answered 2xx with something that is not what the route promises (e.g. a run without `runId`). */
export class SupervityResponseError extends SupervityError {
  override readonly code = 'SUPERVITY_RESPONSE_ERROR';
  readonly method: string;
  readonly path: string;

  constructor(request: RequestFacts, problem: string) {
    super(`${request.method} ${request.path} answered ${problem}; check the API URL and the routes configuration`);
    this.method = request.method;
    this.path = request.path;
  }
}

/** The connection failed or broke before a complete response arrived (refused, reset, DNS...). */
export class SupervityConnectionError extends SupervityError {
  override readonly code: string = 'SUPERVITY_CONNECTION_ERROR';
  readonly method: string;
  readonly path: string;

  constructor(request: RequestFacts, detail: string, options?: { cause?: unknown }) {
    super(`${request.method} ${request.path}: ${detail}`, options);
    this.method = request.method;
    this.path = request.path;
  }
}

/** A connect, response-headers or response-body timeout expired. */
export class SupervityTimeoutError extends SupervityConnectionError {
  override readonly code = 'SUPERVITY_TIMEOUT';
}

/** The facts of an HTTP error answer. */
export interface ApiErrorFacts extends RequestFacts {
  status: number;
  /** The body's `error.code`, if any. */
  serverCode?: string;
  /** The body's `error.message` (or the raw body's start), if any. */
  serverMessage?: string;
  /** The policy violation as the API stated it (403). */
  violation?: string;
  /** The input field at fault (400/422). */
  field?: string;
  /** The parsed JSON body, or its text (truncated). */
  body?: unknown;
  requestId?: string;
  /** From `Retry-After`, when the server sent one. */
  retryAfterMs?: number;
}

/** The server answered an HTTP error status. Subclasses name the status; all carry the same facts. */
export class SupervityApiError extends SupervityError {
  override readonly code: string = 'SUPERVITY_API_ERROR';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly serverCode?: string;
  readonly serverMessage?: string;
  readonly violation?: string;
  readonly field?: string;
  readonly body?: unknown;
  readonly requestId?: string;
  readonly retryAfterMs?: number;

  constructor(facts: ApiErrorFacts) {
    super(describe(facts));
    Object.assign(this, facts);
    this.status = facts.status;
    this.method = facts.method;
    this.path = facts.path;
  }
}

function describe(facts: ApiErrorFacts): string {
  const what = facts.serverCode ? `${facts.status} ${facts.serverCode}` : `${facts.status}`;
  const said = facts.serverMessage ? `: ${facts.serverMessage}` : '';
  const violation = facts.violation && !facts.serverMessage?.includes(facts.violation) ? ` (violation: ${facts.violation})` : '';
  const field = facts.field ? ` (field: ${facts.field})` : '';
  const request = facts.requestId ? ` [request ${facts.requestId}]` : '';
  return `${facts.method} ${facts.path} answered ${what}${said}${violation}${field}${request}`;
}

/** 400: the request was malformed. */
export class SupervityBadRequestError extends SupervityApiError { override readonly code = 'SUPERVITY_BAD_REQUEST'; }
/** 401: the token is missing, wrong or expired. */
export class SupervityUnauthorizedError extends SupervityApiError { override readonly code = 'SUPERVITY_UNAUTHORIZED'; }
/** 403: a policy refused the call; `violation` says which. */
export class SupervityPermissionDeniedError extends SupervityApiError { override readonly code = 'SUPERVITY_PERMISSION_DENIED'; }
/** 404: the workflow, run or form does not exist. */
export class SupervityNotFoundError extends SupervityApiError { override readonly code = 'SUPERVITY_NOT_FOUND'; }
/** 409: the call conflicts with the current state (e.g. a form already decided). */
export class SupervityConflictError extends SupervityApiError { override readonly code = 'SUPERVITY_CONFLICT'; }
/** 422: an input was rejected; `field` names it. */
export class SupervityInvalidInputError extends SupervityApiError { override readonly code = 'SUPERVITY_INVALID_INPUT'; }
/** 429: too many requests; `retryAfterMs` says when to come back. */
export class SupervityRateLimitError extends SupervityApiError { override readonly code = 'SUPERVITY_RATE_LIMITED'; }
/** 5xx: the server failed. */
export class SupervityServerError extends SupervityApiError { override readonly code = 'SUPERVITY_SERVER_ERROR'; }

const byStatus: Record<number, typeof SupervityApiError> = {
  400: SupervityBadRequestError,
  401: SupervityUnauthorizedError,
  403: SupervityPermissionDeniedError,
  404: SupervityNotFoundError,
  409: SupervityConflictError,
  422: SupervityInvalidInputError,
  429: SupervityRateLimitError,
};

/** The one status -> error class factory. */
export function apiErrorFromStatus(facts: ApiErrorFacts): SupervityApiError {
  const ErrorClass = byStatus[facts.status] ?? (facts.status >= 500 ? SupervityServerError : SupervityApiError);
  return new ErrorClass(facts);
}
