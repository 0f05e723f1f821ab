// The state of each client, in a module of its own: src/opentok.ts stores it when a client is
// built, and the area modules' client-methods.ts read it, without importing the facade at run time.
import type { RestCredentials } from '../auth/rest-jwt';
import type { OpenTokClient } from '../opentok';
import type { TokenCredentials } from '../tokens/generate-token';
import type { ApiContext } from './context';

/** What a client keeps for its methods: the API modules' context and the credentials. */
export interface ClientState extends ApiContext {
  readonly tokens: TokenCredentials;
  readonly credentials: RestCredentials;
}

/**
 * Per-client state, kept off the instance: `util.inspect` and `JSON.stringify` cannot reach it,
 * and the published declarations need no ES private field (which a consumer compiling for ES5
 * rejects). The secret is not here: src/opentok.ts keeps it in a map of its own, so that the
 * context handed to every API module does not carry it.
 */
const contexts = new WeakMap<OpenTokClient, ClientState>();

/** Records a new client's state (the client's constructor calls it once). */
export function setClientState(client: OpenTokClient, state: ClientState): void {
  contexts.set(client, state);
}

/**
 * The state of a client. A method called on anything else (a method taken off the prototype and
 * applied to another object) throws, rather than run without credentials.
 */
export function contextOf(client: OpenTokClient): ClientState {
  const context = contexts.get(client);
  if (!context) throw new TypeError('OpenTok method called on an object that is not an OpenTok client');
  return context;
}
