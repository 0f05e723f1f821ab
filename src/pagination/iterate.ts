import { isPlainObject } from '../core/objects';
import { ArgumentError, RequestError } from '../errors';
import { withResponse } from '../http/status-error';
import type { Archive } from '../models/archive';
import type { Broadcast } from '../models/broadcast';
import type { OpenTokClient } from '../opentok';
import type { Render } from '../renders/renders';

/**
 * The service's largest page of archives, broadcasts and renders (the `count` query parameter of
 * their list endpoints): the iterators' default page size, and the most they accept.
 */
const MAX_PAGE_SIZE = 1000;

/**
 * Options of `opentok.promises.iterateArchives`: which archives, from where, in pages of what size.
 * The iterator yields every archive (newest first): there is no `count`.
 *
 * @example
 * ```ts
 * for await (const archive of opentok.promises.iterateArchives({ sessionId, pageSize: 200 })) {
 *   console.log(archive.id, archive.status);
 * }
 * ```
 */
export interface IterateArchivesOptions {
  /** Only the archives of this session, a non-empty string. Default: the archives of every session. */
  sessionId?: string;
  /**
   * How many archives each request asks for, an integer from 1 to 1000. Default `1000`, the
   * service's maximum: the fewest requests.
   */
  pageSize?: number;
  /**
   * How many of the newest archives to pass over: the `offset` of the first request, a
   * non-negative integer. Default `0`.
   */
  offset?: number;
  /**
   * Not an option of the iterator, which yields every archive: `count` is refused (with an
   * {@link ArgumentError}) because it could be read as a page size or as a limit. Set the page size
   * with `pageSize`, and leave the loop (`break`) once you have enough.
   */
  count?: undefined;
}

/**
 * Options of `opentok.promises.iterateBroadcasts`: which broadcasts, from where, in pages of what
 * size. The iterator yields every broadcast (newest first): there is no `count`.
 *
 * @example
 * ```ts
 * for await (const broadcast of opentok.promises.iterateBroadcasts({ sessionId })) {
 *   console.log(broadcast.id, broadcast.status);
 * }
 * ```
 */
export interface IterateBroadcastsOptions {
  /** Only the broadcasts of this session, a non-empty string. Default: the broadcasts of every session. */
  sessionId?: string;
  /**
   * How many broadcasts each request asks for, an integer from 1 to 1000. Default `1000`, the
   * service's maximum: the fewest requests.
   */
  pageSize?: number;
  /**
   * How many of the newest broadcasts to pass over: the `offset` of the first request, a
   * non-negative integer. Default `0`.
   */
  offset?: number;
  /**
   * Not an option of the iterator, which yields every broadcast: `count` is refused (with an
   * {@link ArgumentError}) because it could be read as a page size or as a limit. Set the page size
   * with `pageSize`, and leave the loop (`break`) once you have enough.
   */
  count?: undefined;
}

/**
 * Options of `opentok.promises.iterateRenders`: from where, in pages of what size. The service
 * does not filter renders by session, so there is no `sessionId` (it is refused: filter on
 * `render.sessionId` in the loop); the iterator yields every render (newest first): there is no
 * `count`.
 *
 * @example
 * ```ts
 * for await (const render of opentok.promises.iterateRenders({ pageSize: 100 })) {
 *   if (render.sessionId === sessionId) console.log(render.id, render.status);
 * }
 * ```
 */
export interface IterateRendersOptions {
  /**
   * How many renders each request asks for, an integer from 1 to 1000. Default `1000`, the
   * service's maximum: the fewest requests.
   */
  pageSize?: number;
  /**
   * How many of the newest renders to pass over: the `offset` of the first request, a
   * non-negative integer. Default `0`.
   */
  offset?: number;
  /**
   * Not an option of the iterator, which yields every render: `count` is refused (with an
   * {@link ArgumentError}) because it could be read as a page size or as a limit. Set the page size
   * with `pageSize`, and leave the loop (`break`) once you have enough.
   */
  count?: undefined;
}

/** One page as the list methods give it: its items, and the service's total count (all pages). */
interface Page<T> {
  readonly items: readonly T[];
  readonly total: unknown;
}

/** Fetches the page of `count` items starting at `offset` (the list method's query). */
type PageFetcher<T> = (offset: number, count: number) => Promise<Page<T>>;

/** The checked options of one iteration, read once when the iterator is created. */
interface Settings {
  readonly offset: number;
  readonly pageSize: number;
  readonly sessionId: string | undefined;
}

/** The settings, or the error the first `next()` rejects with. */
type SettingsOrError = { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly error: unknown };

/**
 * Reads and checks the options of an iterator. Each option is read exactly once, here, so that a
 * caller who changes the object afterwards changes nothing, and nothing is written to it.
 */
function readSettings(method: string, args: readonly unknown[], filtersBySession: boolean): Settings {
  // A function would be a callback: the promise API takes none (as its other methods say).
  if (args.some((arg) => typeof arg === 'function')) {
    throw new ArgumentError(`Invalid arguments -- promises.${method} takes no callback or function argument.`);
  }
  const [options] = args;
  if (options === undefined || options === null) return { offset: 0, pageSize: MAX_PAGE_SIZE, sessionId: undefined };
  if (typeof options !== 'object') throw new ArgumentError(`promises.${method}: options must be an object`);
  const { count, pageSize, offset, sessionId } = options as Record<string, unknown>;
  if (count !== undefined && count !== null) {
    throw new ArgumentError(
      `promises.${method}: count is not an option (the iterator yields every item): ` +
        'set the page size with pageSize, and break out of the loop to stop early',
    );
  }
  if (pageSize !== undefined && pageSize !== null && !isIntegerIn(pageSize, 1, MAX_PAGE_SIZE)) {
    throw new ArgumentError(`promises.${method}: pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (offset !== undefined && offset !== null && !isIntegerIn(offset, 0, Number.MAX_SAFE_INTEGER)) {
    throw new ArgumentError(`promises.${method}: offset must be a non-negative integer`);
  }
  if (sessionId !== undefined && sessionId !== null) {
    if (!filtersBySession) {
      throw new ArgumentError(
        `promises.${method}: sessionId is not an option (the service does not filter renders by session): ` +
          'compare render.sessionId in the loop',
      );
    }
    // An empty string would silently become "no filter" (the list methods leave out a falsy sessionId).
    if (typeof sessionId !== 'string' || sessionId === '') {
      throw new ArgumentError(`promises.${method}: sessionId must be a non-empty string`);
    }
  }
  return {
    offset: typeof offset === 'number' ? offset : 0,
    pageSize: typeof pageSize === 'number' ? pageSize : MAX_PAGE_SIZE,
    sessionId: typeof sessionId === 'string' ? sessionId : undefined,
  };
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Reads the settings now; an error (a bad option, a getter that throws) is kept for `next()`. */
function settingsOrError(method: string, args: readonly unknown[], filtersBySession: boolean): SettingsOrError {
  try {
    return { ok: true, settings: readSettings(method, args, filtersBySession) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Walks a newest-first list page by page. Nothing is requested before the first `next()`; the
 * generator runs one step at a time, so one page at most is in flight, and `return()` (a `break`
 * in `for await`) ends it with no further request. A failed page rejects `next()` with the list
 * method's error and ends the iteration.
 *
 * It stops after an empty page, or once the offset reaches the service's total count (read again
 * from every page). Without a usable total (not a number), it stops after a page shorter than
 * asked for instead.
 *
 * Items created while it runs are inserted at the front, which moves every later item back: the
 * next page then starts with items already yielded. Their IDs are kept, and an item whose ID was
 * yielded is skipped, so each item comes once and none of those present at the start is missed.
 * An item deleted ahead of the position moves later items forward instead, and as many items as
 * were deleted may be missed: an offset cannot tell which ones moved.
 */
async function* walk<T>(
  state: SettingsOrError,
  fetchPage: PageFetcher<T>,
  idOf: (item: T) => unknown,
): AsyncGenerator<T, void, undefined> {
  if (!state.ok) throw state.error;
  const { pageSize } = state.settings;
  const yielded = new Set<string>();
  let offset = state.settings.offset;
  for (;;) {
    const { items, total } = await fetchPage(offset, pageSize);
    for (const item of items) {
      const id = idOf(item);
      if (typeof id === 'string') {
        if (yielded.has(id)) continue;
        yielded.add(id);
      }
      yield item;
    }
    if (items.length === 0) return;
    offset += items.length;
    const done = typeof total === 'number' && !Number.isNaN(total) ? offset >= total : items.length < pageSize;
    if (done) return;
  }
}

/** The ID of a listed model or of a render's plain JSON (`undefined` when it has no string ID). */
function idOf(item: unknown): unknown {
  return isPlainObject(item) ? item.id : undefined;
}

/** The callback form of `listArchives` and `listBroadcasts`, as a page fetcher. */
type ListMethod<T> = (
  options: { offset: number; count: number; sessionId: string | undefined },
  callback: (error: Error | null, items: T[], total: number) => void,
) => void;

/** Pages of a list method filtered by `sessionId`, as promises. */
function listPages<T>(list: ListMethod<T>, sessionId: string | undefined): PageFetcher<T> {
  return (offset, count) =>
    new Promise((resolve, reject) => {
      list({ offset, count, sessionId }, (error, items, total) => {
        if (error) reject(error);
        else resolve({ items, total });
      });
    });
}

/** `opentok.promises.iterateArchives(options)`: every archive, through `listArchives`. */
export function iterateArchives(client: OpenTokClient, args: readonly unknown[]): AsyncIterableIterator<Archive> {
  const state = settingsOrError('iterateArchives', args, true);
  const sessionId = state.ok ? state.settings.sessionId : undefined;
  return walk(state, listPages<Archive>((options, callback) => client.listArchives(options, callback), sessionId), idOf);
}

/** `opentok.promises.iterateBroadcasts(options)`: every broadcast, through `listBroadcasts`. */
export function iterateBroadcasts(client: OpenTokClient, args: readonly unknown[]): AsyncIterableIterator<Broadcast> {
  const state = settingsOrError('iterateBroadcasts', args, true);
  // listBroadcasts puts the session ID into its query as it is (as 2.x did): encoded here, an ID
  // with a reserved character (`+`, `/`, `=`) still reaches the service intact.
  const filter = state.ok ? state.settings.sessionId : undefined;
  const sessionId = filter === undefined ? undefined : encodeURIComponent(filter);
  return walk(state, listPages<Broadcast>((options, callback) => client.listBroadcasts(options, callback), sessionId), idOf);
}

/**
 * `opentok.promises.iterateRenders(options)`: every render, through `listRenders`, which calls back
 * with the service's `{ count, items }` as it is: a body without an `items` array is a
 * `RequestError`, as it is for the other list methods.
 */
export function iterateRenders(client: OpenTokClient, args: readonly unknown[]): AsyncIterableIterator<Render> {
  const state = settingsOrError('iterateRenders', args, false);
  const fetchPage: PageFetcher<Render> = (offset, count) =>
    new Promise((resolve, reject) => {
      client.listRenders({ offset, count }, (error, body, response) => {
        if (error) reject(error);
        else if (isPlainObject(body) && Array.isArray(body.items)) resolve({ items: body.items, total: body.count });
        else {
          const error = new RequestError(`Unexpected response from OpenTok: ${JSON.stringify(body)}`);
          reject(withResponse(error, response.status, body));
        }
      });
    });
  return walk(state, fetchPage, idOf);
}
