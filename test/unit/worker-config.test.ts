import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EnvSettingError, loadTemporalSettings } from '../../src/temporal-settings';
import { SupervityConfigError } from '../../src/supervity/errors';
import { logLevelFromEnv, runWorkerFromEnv } from '../../src/worker';

// An empty config file location, so a developer's own ~/.config/temporalio/temporal.toml never leaks in.
const isolated = { TEMPORAL_CONFIG_FILE: '/nonexistent/temporal.toml' };

describe('worker settings: the Temporal connection from the environment', () => {
  it('defaults to localhost:7233, namespace default, task queue supervity, no TLS', () => {
    const settings = loadTemporalSettings({ ...isolated });
    assert.equal(settings.connectionOptions.address, 'localhost:7233');
    assert.equal(settings.namespace, 'default');
    assert.equal(settings.taskQueue, 'supervity');
    assert.equal(settings.connectionOptions.tls, undefined);
  });

  it('reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and TEMPORAL_TASK_QUEUE', () => {
    const settings = loadTemporalSettings({ ...isolated, TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_NAMESPACE: 'agents', TEMPORAL_TASK_QUEUE: 'supervity-prod' });
    assert.deepEqual([settings.connectionOptions.address, settings.namespace, settings.taskQueue], ['temporal.internal:7233', 'agents', 'supervity-prod']);
  });

  it('turns TLS on with a Temporal Cloud API key, as every Temporal tool does', () => {
    const settings = loadTemporalSettings({ ...isolated, TEMPORAL_ADDRESS: 'us-east-1.aws.api.temporal.io:7233', TEMPORAL_API_KEY: 'key-123' });
    assert.equal(settings.connectionOptions.apiKey, 'key-123');
    assert.equal(settings.connectionOptions.tls, true);
  });

  it('names TEMPORAL_ADDRESS when it is not host:port', () => {
    assert.throws(() => loadTemporalSettings({ ...isolated, TEMPORAL_ADDRESS: 'http://localhost' }), (err) => err instanceof EnvSettingError && err.variable === 'TEMPORAL_ADDRESS');
  });

  it('names TEMPORAL_PROFILE when the profile does not exist', () => {
    assert.throws(
      () => loadTemporalSettings({ TEMPORAL_PROFILE: 'prod', TEMPORAL_CONFIG_FILE: '/nonexistent/temporal.toml' }),
      (err) => err instanceof EnvSettingError && err.variable === 'TEMPORAL_PROFILE' && /prod/.test(err.message),
    );
  });

  it('rejects an empty TEMPORAL_TASK_QUEUE', () => {
    assert.throws(() => loadTemporalSettings({ ...isolated, TEMPORAL_TASK_QUEUE: ' ' }), (err) => err instanceof EnvSettingError && err.variable === 'TEMPORAL_TASK_QUEUE');
  });
});

describe('worker settings: checked before anything connects', () => {
  const supervity = { SUPERVITY_API_URL: 'http://127.0.0.1:1', SUPERVITY_TOKEN: 'secret-token' };

  it('stops on a missing SUPERVITY_TOKEN, naming it and never echoing values', async () => {
    await assert.rejects(runWorkerFromEnv({ ...isolated, SUPERVITY_API_URL: 'http://127.0.0.1:1' }), (err) => err instanceof SupervityConfigError && /SUPERVITY_TOKEN is not set/.test(err.message));
  });

  it('stops on a malformed grace time or log level', async () => {
    await assert.rejects(runWorkerFromEnv({ ...isolated, ...supervity, SUPERVITY_SHUTDOWN_GRACE_TIME: 'soon' }), (err) => err instanceof EnvSettingError && err.variable === 'SUPERVITY_SHUTDOWN_GRACE_TIME' && !err.message.includes('secret-token'));
    assert.throws(() => logLevelFromEnv({ SUPERVITY_LOG_LEVEL: 'chatty' }, 'INFO'), (err) => err instanceof EnvSettingError && err.variable === 'SUPERVITY_LOG_LEVEL');
    assert.equal(logLevelFromEnv({ SUPERVITY_LOG_LEVEL: 'debug' }, 'INFO'), 'DEBUG');
  });
});
