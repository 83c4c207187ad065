// The Supervity API client: one pooled undici Agent, one request path deciding timeouts, retries and errors.
import { setTimeout as delay } from 'node:timers/promises';
import { Agent, type FormData } from 'undici';
import { resolveClientOptions, type ResolvedClientOptions, type SupervityClientOptions } from './config';
import { SupervityInputError, SupervityResponseError, type RequestFacts } from './errors';
import { downloadFile } from './file-download';
import { buildFormData, prepareInputs } from './multipart';
import { redactHeaders } from './redact';
import { errorFromResponse } from './response-errors';
import { decideRetry } from './retry-policy';
import { buildRoute, type RouteName } from './routes';
import { parseReviewForm, parseReviewList, parseReviewReceipt, parseRun } from './run-schema';
import { toTransportError } from './transport-errors';
import type { ExecuteRunResponse, InputValue, ReviewDecision, ReviewForm, ReviewReceipt, SupervityRun } from './types';

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call (and any retry wait); the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options of {@link SupervityClient.executeRun}. */
export interface ExecuteOptions extends CallOptions {
  /** Sent as `Idempotency-Key`; fixed per logical call. Without it, execute is never retried. */
  idempotencyKey?: string;
}

/** Options of {@link SupervityClient.listPendingReviews}. */
export interface ListReviewsOptions extends CallOptions {
  runId?: string;
  page?: number;
  limit?: number;
}

interface Call<T> extends CallOptions {
  route: RouteName;
  params?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** Built afresh for every try. */
  body?: () => Promise<FormData | string>;
  idempotent: boolean;
  parse(body: unknown, request: RequestFacts): T;
}

/** Client of the Supervity Agent Execution API (DESIGN.md section 3). Call `close()` when done. */
export class SupervityClient {
  readonly #options: ResolvedClientOptions;
  readonly #agent: Agent;
  readonly #basePath: string;

  constructor(options: SupervityClientOptions) {
    this.#options = resolveClientOptions(options);
    const { connect, headers, body } = this.#options.timeouts;
    this.#agent = new Agent({ connect: { timeout: connect }, headersTimeout: headers, bodyTimeout: body, keepAliveTimeout: 30_000 });
    this.#basePath = this.#options.apiUrl.pathname.replace(/\/+$/, '');
  }

  /** Creates a run: `POST execute` as multipart (inputs checked and files opened before any request). */
  async executeRun(workflowId: string, inputs?: Record<string, InputValue>, options: ExecuteOptions = {}): Promise<ExecuteRunResponse> {
    if (typeof workflowId !== 'string' || workflowId === '') throw new SupervityInputError('workflowId must be a non-empty string (the Supervity workflow to run)');
    const { timeouts, fileRoot, allowedUrlHosts, maxInlineFileBytes } = this.#options;
    const prepared = await prepareInputs(inputs, { fileRoot, allowedUrlHosts, maxInlineFileBytes }, (url, destination, input) =>
      downloadFile(this.#agent, timeouts, { url, destination, input }, options.signal),
    );
    try {
      const key = options.idempotencyKey;
      return await this.#call({
        route: 'execute',
        headers: key ? { 'idempotency-key': key } : {},
        body: () => buildFormData(workflowId, prepared.entries),
        idempotent: Boolean(key),
        parse: parseRun,
        signal: options.signal,
      });
    } finally {
      await prepared.dispose();
    }
  }

  /** Reads a run. */
  getRun(runId: string, options: CallOptions = {}): Promise<SupervityRun> {
    return this.#call({ route: 'getRun', params: { runId }, idempotent: true, parse: parseRun, ...options });
  }

  /** Asks Supervity to cancel a run; answers the run as it stands after. */
  cancelRun(runId: string, options: CallOptions = {}): Promise<SupervityRun> {
    return this.#call({ route: 'cancelRun', params: { runId }, idempotent: true, parse: parseRun, ...options });
  }

  /** Lists pending review forms, optionally of one run. */
  listPendingReviews(options: ListReviewsOptions = {}): Promise<ReviewForm[]> {
    const { runId, page, limit, signal } = options;
    return this.#call({ route: 'listReviews', params: { runId, page, limit }, idempotent: true, signal, parse: (body, request) => parseReviewList(body, request, { runId }) });
  }

  /** Reads a review form. */
  getReviewForm(formId: string, options: CallOptions = {}): Promise<ReviewForm> {
    return this.#call({ route: 'getReviewForm', params: { formId }, idempotent: true, parse: parseReviewForm, ...options });
  }

  /**
   * Submits a decision as `{ action, data?, comment? }` (`reviewer` stays local). Retrying is safe:
   * a repeat of an applied decision is refused (409), never applied twice.
   */
  submitReview(formId: string, decision: ReviewDecision, options: CallOptions = {}): Promise<ReviewReceipt> {
    const { action, data, comment } = decision;
    return this.#call({
      route: 'submitReview',
      params: { formId },
      headers: { 'content-type': 'application/json' },
      body: () => Promise.resolve(JSON.stringify({ action, data, comment })),
      idempotent: true,
      parse: (body, request) => parseReviewReceipt(body, request, { formId, action }),
      ...options,
    });
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.#agent.close();
  }

  async #call<T>(call: Call<T>): Promise<T> {
    const route = buildRoute(this.#options.routes[call.route], call.params);
    const target = { method: route.method, path: `${this.#basePath}${route.path}` };
    const facts = { method: target.method, path: target.path.replace(/\?.*$/, '') };
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#send(call, target, facts);
      } catch (error) {
        const decision = decideRetry(error, { attempt, idempotent: call.idempotent, maxRetryAfterMs: this.#options.maxRetryAfterMs });
        if (!decision.retry || attempt > this.#options.maxRetries) throw error;
        this.#options.logger?.warn('supervity request retrying', { ...facts, attempt, delayMs: decision.delayMs, error: (error as { code?: string }).code });
        await pause(decision.delayMs, call.signal);
      }
    }
  }

  async #send<T>(call: Call<T>, target: RequestFacts, facts: RequestFacts): Promise<T> {
    const headers = { authorization: `Bearer ${this.#options.token}`, accept: 'application/json', ...call.headers };
    let status: number;
    let responseHeaders: Record<string, string | string[] | undefined>;
    let text: string;
    try {
      const body = call.body ? await call.body() : undefined;
      const response = await this.#agent.request({ origin: this.#options.apiUrl.origin, ...target, headers, body, signal: call.signal });
      ({ statusCode: status, headers: responseHeaders } = response);
      text = await response.body.text();
    } catch (error) {
      throw toTransportError(error, facts, this.#options.timeouts, call.signal);
    }
    const requestId = responseHeaders['x-request-id'];
    this.#options.logger?.debug('supervity request', { ...facts, status, requestId, headers: redactHeaders(headers) });
    if (status >= 400) throw errorFromResponse(facts, status, responseHeaders, text, this.#options.token);
    return call.parse(parseBody(text, facts), facts);
  }
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    throw signal?.reason ?? error;
  }
}

function parseBody(text: string, request: RequestFacts): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SupervityResponseError(request, 'a body that is not JSON');
  }
}
