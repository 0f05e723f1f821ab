import type { RestClient } from '../http/rest-client';
import type { OpenTokClient } from '../opentok';

/** What an API module needs from the client it serves. */
export interface ApiContext {
  /** The client, handed to the models it builds (an Archive's `stop` calls back into it). */
  readonly ot: OpenTokClient;
  /** The one REST client every call goes through. */
  readonly rest: RestClient;
  /** `/v2/project/<apiKey>`, the prefix of every project path. */
  readonly projectPath: string;
}
