import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveClientOptions, supervityConfigFromEnv } from '../../src/supervity/config';
import { SupervityConfigError } from '../../src/supervity/errors';
import { buildRoute, defaultRoutes, resolveRoutes } from '../../src/supervity/routes';

const token = 'tok-config-SECRET';

function configError(run: () => unknown): SupervityConfigError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof SupervityConfigError, `expected SupervityConfigError, got ${String(error)}`);
    assert.ok(!error.message.includes(token), 'the token is never echoed');
    return error;
  }
  assert.fail('expected a SupervityConfigError');
}

describe('client options are validated at construction, naming the option', () => {
  it('applies defaults', () => {
    const options = resolveClientOptions({ apiUrl: 'http://127.0.0.1:1', token });
    assert.equal(options.maxRetries, 2);
    assert.equal(options.maxInlineFileBytes, 5 * 1024 * 1024);
    assert.deepEqual(options.routes, defaultRoutes);
  });

  it('names each bad option', () => {
    assert.match(configError(() => resolveClientOptions({ apiUrl: 'nope', token })).message, /^apiUrl must be an absolute/);
    assert.match(configError(() => resolveClientOptions({ apiUrl: 'ftp://x', token })).message, /^apiUrl must use http/);
    assert.match(configError(() => resolveClientOptions({ apiUrl: `http://x/?token=${token}`, token })).message, /^apiUrl must not carry a query/);
    assert.match(configError(() => resolveClientOptions({ apiUrl: 'http://x', token: ' ' })).message, /^token is required/);
    assert.match(configError(() => resolveClientOptions({ apiUrl: 'http://x', token, timeouts: { headers: -1 } })).message, /^timeouts\.headers must be a positive/);
    assert.match(configError(() => resolveClientOptions({ apiUrl: 'http://x', token, maxRetries: 1.5 })).message, /^maxRetries must be a non-negative integer/);
    assert.match(configError(() => resolveClientOptions({ apiUrl: 'http://x', token, allowedUrlHosts: ['https://x/y'] })).message, /^allowedUrlHosts must be a list of host names/);
    assert.match(configError(() => resolveClientOptions({ apiUrl: 'http://x', token, routes: { getRun: '/no-method' } })).message, /^routes\.getRun must read "METHOD \/path"/);
  });
});

describe('supervityConfigFromEnv reads the SUPERVITY_* variables', () => {
  const env = { SUPERVITY_API_URL: 'http://127.0.0.1:9', SUPERVITY_TOKEN: token };

  it('reads every variable', () => {
    const options = supervityConfigFromEnv({ ...env, SUPERVITY_FILE_ROOT: '/data', SUPERVITY_URL_ALLOWLIST: 'files.example.com, 127.0.0.1:8080' });
    assert.deepEqual(options, { apiUrl: env.SUPERVITY_API_URL, token, fileRoot: '/data', allowedUrlHosts: ['files.example.com', '127.0.0.1:8080'] });
  });

  it('answers a one-line error naming the variable and the fix', () => {
    assert.equal(configError(() => supervityConfigFromEnv({ SUPERVITY_TOKEN: token })).message, 'SUPERVITY_API_URL is not set: export SUPERVITY_API_URL=https://<your Supervity API host>');
    assert.equal(configError(() => supervityConfigFromEnv({ SUPERVITY_API_URL: env.SUPERVITY_API_URL })).message, 'SUPERVITY_TOKEN is not set: export SUPERVITY_TOKEN=<your Supervity API token>');
    const badUrl = configError(() => supervityConfigFromEnv({ ...env, SUPERVITY_API_URL: 'localhost:8080' })).message;
    assert.match(badUrl, /^SUPERVITY_API_URL is invalid \(.*\): export SUPERVITY_API_URL=/);
    assert.match(configError(() => supervityConfigFromEnv({ ...env, SUPERVITY_URL_ALLOWLIST: 'https://files.example.com/' })).message, /^SUPERVITY_URL_ALLOWLIST is invalid/);
    assert.ok(!badUrl.includes('\n'));
  });
});

describe('one routes table, each route overridable', () => {
  it('fills placeholders URL-encoded and drops query pairs without a value', () => {
    assert.deepEqual(buildRoute(defaultRoutes.getRun, { runId: 'a/b' }), { method: 'GET', path: '/api/v1/workflow-runs/a%2Fb' });
    assert.deepEqual(buildRoute(defaultRoutes.listReviews, { runId: 'r1', limit: 5 }), { method: 'GET', path: '/api/v1/user-forms?runId=r1&status=pending&limit=5' });
  });

  it('merges overrides over the defaults and refuses unknown routes', () => {
    const routes = resolveRoutes({ cancelRun: 'DELETE /v2/runs/:runId' });
    assert.equal(routes.cancelRun, 'DELETE /v2/runs/:runId');
    assert.equal(routes.getRun, defaultRoutes.getRun);
    assert.match(configError(() => resolveRoutes({ nope: 'GET /x' } as never)).message, /^routes\.nope is not a Supervity route/);
  });
});
