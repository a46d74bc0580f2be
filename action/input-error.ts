/** Bad input or environment: the step fails with this one message naming the input and what was expected. */
export class ActionInputError extends Error {
  override name = 'ActionInputError';
}
