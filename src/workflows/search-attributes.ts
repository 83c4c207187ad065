import { defineSearchAttributeKey } from '@temporalio/common';

/** Keyword search attribute holding the current Supervity run id (register it on the namespace). */
export const SupervityRunIdKey = defineSearchAttributeKey('SupervityRunId', 'KEYWORD');

/** Keyword search attribute holding the Supervity run status, e.g. `waiting` (register it on the namespace). */
export const SupervityRunStatusKey = defineSearchAttributeKey('SupervityRunStatus', 'KEYWORD');

/** Both search attributes, for `temporal operator search-attribute create` or a dev server's start-up. */
export const supervitySearchAttributes = [SupervityRunIdKey, SupervityRunStatusKey] as const;
