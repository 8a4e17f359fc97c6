/** One call of a trigger function, however it is reached. */
export type CallOutcome =
  /** The function's answer, as JSON text. */
  | { payload: string }
  /** The function ran and failed (threw, or called back with an error): Cognito's UserLambdaValidationException. */
  | { functionError: string; errorType?: string }
  /** The function could not be run or did not answer; `retry`: another call may succeed (Cognito retries these). */
  | { reason: string; retry: boolean };
