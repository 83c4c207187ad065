// `supervity-temporal review <temporalWorkflowId> <action>`: a decision through the submitReview update.
import { ReviewRejectedError, submitReview } from '../client';
import type { ReviewDecision } from '../supervity/types';
import { ExitCode, type CliCommand } from './command';
import { withClient, writeJson } from './connect';
import { configError } from './errors';
import { parseCommandArgs, rejectExtraPositionals, requirePositional } from './parse';

const usage = `Usage: supervity-temporal review <temporalWorkflowId> approve|reject|<action> [--comment TEXT] [--data JSON] [--form ID] [--reviewer NAME] [--json]

Submits a human review decision to a run waiting for review, through the workflow's submitReview
update: the workflow checks it (the run must be waiting, the action allowed by the form), relays it
to Supervity and answers with the receipt. A refused decision is reported at once (exit 1).

Options:
  --comment TEXT    a comment for the reviewer's decision
  --data JSON       form data, a JSON object, e.g. --data '{"amount": 1200}'
  --form ID         the form decided on (default: the run's pending form)
  --reviewer NAME   who decided, recorded in the workflow result (default $USER)
  --json            print the receipt as JSON
`;

const options = {
  comment: { type: 'string' },
  data: { type: 'string' },
  form: { type: 'string' },
  reviewer: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** `supervity-temporal review`. */
export const reviewCommand: CliCommand = {
  name: 'review',
  summary: 'approve, reject or take another action on a run waiting for review',
  usage,
  async run(argv, io) {
    const parsed = parseCommandArgs('review', argv, options);
    const { values, positionals } = parsed;
    const workflowId = requirePositional('review', positionals, 0, 'the Temporal workflow id of the run');
    const action = requirePositional('review', positionals, 1, 'the action, e.g. approve or reject');
    rejectExtraPositionals('review', positionals, 2);
    const decision: ReviewDecision = {
      action,
      ...(values.form ? { formId: values.form } : {}),
      ...(values.comment ? { comment: values.comment } : {}),
      ...(values.data ? { data: parseData(values.data) } : {}),
      ...((values.reviewer ?? io.env.USER) ? { reviewer: values.reviewer ?? io.env.USER } : {}),
    };
    return await withClient(io.env, async (client) => {
      try {
        const receipt = await submitReview(client, workflowId, decision);
        if (values.json) writeJson(io.stdout, receipt);
        else io.stdout.write(`review "${receipt.action}" accepted for form ${receipt.formId} (status ${receipt.status}); the run resumes\n`);
        return ExitCode.Ok;
      } catch (err) {
        if (!(err instanceof ReviewRejectedError)) throw err;
        if (values.json) writeJson(io.stdout, { rejected: true, workflowId, action, reason: err.reason });
        io.stderr.write(`review rejected: ${err.reason}\n`);
        return ExitCode.Failed;
      }
    });
  },
};

function parseData(raw: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw configError(`--data ${JSON.stringify(raw)} is not valid JSON; pass an object, e.g. --data '{"amount": 1200}'`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw configError('--data must be a JSON object, e.g. --data \'{"amount": 1200}\'');
  return data as Record<string, unknown>;
}
