import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTemporalBinary } from '../../src/temporal-binaries';

describe('findTemporalBinary', () => {
  it('prefers the env override when it exists', () => {
    assert.equal(findTemporalBinary('cli', { TEMPORAL_CLI_PATH: process.execPath }), process.execPath);
  });

  it('names the variable when the override points nowhere', () => {
    assert.throws(
      () => findTemporalBinary('test-server', { TEMPORAL_TEST_SERVER_PATH: '/nope/temporal-test-server' }),
      /TEMPORAL_TEST_SERVER_PATH=\/nope\/temporal-test-server does not exist/,
    );
  });
});
