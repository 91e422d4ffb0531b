import {nearestName} from '../validation.ts'

/**
 * Node's `parseArgs` errors in faircopy's words: an unknown option with the known one it is nearest to, a value
 * missing or given to a switch. `flags` are the long names the command takes.
 */
export function argumentError(error: Error & {code?: string}, flags: Iterable<string>): string {
  const option = /'(?:-\w, )?(-[^' ]+)/.exec(error.message)?.[1]
  if (option === undefined) return error.message
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = option.replace(/^-+/, '').split('=')[0] ?? ''
    const near = name.length > 1 ? nearestName(name, flags) : undefined
    return `unknown option ${option}${near === undefined ? '' : ` (did you mean --${near}?)`}`
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(error.message) ? `${option} needs a value` : `${option} takes no value`
  }
  return error.message
}
