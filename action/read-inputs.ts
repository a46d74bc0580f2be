import { ActionInputError } from './input-error.ts';
import { type ActionInputs, INPUT_NAMES, inputsSchema } from './inputs.ts';

/**
 * Reads every input through `getInput` (core.getInput) and validates them
 * together: every bad input is named in one error, with what was expected
 * and what was found (or, for a value of the right form that cannot be,
 * what is wrong with it).
 */
export function readInputs(getInput: (name: string) => string): ActionInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, getInput(name)]));
  const parsed = inputsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const problem: unknown = issue.code === 'custom' ? issue.params?.problem : undefined;
    if (typeof problem === 'string') return `input "${name}": ${problem}`;
    return `input "${name}": expected ${issue.message.replace(/^Invalid option: expected one of /, 'one of ')}, found ${JSON.stringify(raw[name])}`;
  });
  throw new ActionInputError(problems.join('; '));
}
