// The one error the handlers throw: it becomes `{ error: { code, message, field?, violation? } }`.

/** An HTTP error answer with a stable `code`; `field` names the bad request field. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { field?: string; violation?: string } = {},
  ) {
    super(message);
  }

  /** The JSON body of the answer. */
  toBody(): { error: { code: string; message: string; field?: string; violation?: string } } {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}
