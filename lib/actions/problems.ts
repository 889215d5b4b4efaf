import { SdkError } from '../errors'
import { fieldPath } from '../util'

/** Input an action's form refuses: names the action and every field with its problem. */
export function inputProblem(
  actionId: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): SdkError {
  const fields = issues.map((i) => ({
    field: fieldPath(i.path, '(the whole input)'),
    message: i.message,
  }))
  return new SdkError(
    'ACTION_INPUT',
    `Invalid input for action ${JSON.stringify(actionId)}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
    { details: { actionId, fields } },
  )
}
