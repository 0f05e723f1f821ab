import { OpenTokError } from '../errors/opentok-error';

/**
 * An event callback body that is not a JSON object at all: no body, not JSON, or JSON that is not
 * an object. The message says which, e.g. `Invalid OpenTok event: body is not valid JSON`. (A JSON
 * object of an unknown kind, or whose fields do not match its kind, is an `UnknownEvent` instead.)
 * `webhookHandler` answers it with 400 `{ error: message }`.
 *
 * @example
 * ```ts
 * try {
 *   parseEvent('not json');
 * } catch (error) {
 *   console.log(error instanceof WebhookError, (error as WebhookError).message); // true 'Invalid OpenTok event: body is not valid JSON'
 * }
 * ```
 */
export class WebhookError extends OpenTokError {
  /** @param message - The message; when `undefined`, `Invalid OpenTok event`. */
  constructor(message?: string) {
    super(message, 'Invalid OpenTok event');
  }
}
