import { callRest, isCallback } from '../core/callbacks';
import type { AnyCallback } from '../core/callbacks';
import type { ApiContext } from '../core/context';
import { toText } from '../core/objects';
import { passThroughArgs } from '../core/outcomes';
import { ArgumentError } from '../errors';

/**
 * Layout types of composed archives and broadcasts: `bestFit` (a grid that fits every stream),
 * `pip` (picture-in-picture: one large stream and a small one), `verticalPresentation` and
 * `horizontalPresentation` (one large stream and a column or row of small ones), `focus` (the
 * stream with the `focus` layout class large), and `custom` (placed by a stylesheet).
 */
export type LayoutType = 'bestFit' | 'pip' | 'verticalPresentation' | 'horizontalPresentation' | 'focus' | 'custom';
/** The predefined layout types: every layout type but `custom`. */
export type PredefinedLayoutType = Exclude<LayoutType, 'custom'>;
/** Layout types allowed while a screen is shared (only with `bestFit`). */
export type ScreenshareLayoutType = 'bestFit' | 'pip' | 'verticalPresentation' | 'horizontalPresentation';

/** A predefined layout: its type alone. */
export interface PredefinedLayoutOptions {
  /** The layout type. */
  type: PredefinedLayoutType;
  /** Only a `custom` layout has a stylesheet. */
  stylesheet?: undefined;
  /** Only a `bestFit` layout has a screen-share layout (see {@link ScreenshareLayoutOptions}). */
  screenshareType?: undefined;
}

/**
 * A custom layout: the stylesheet that positions the streams.
 *
 * @example
 * ```ts
 * const layout: OpenTok.CustomLayoutOptions = {
 *   type: 'custom',
 *   stylesheet: 'stream.instructor { position: absolute; width: 100%; height: 50%; }',
 * };
 * ```
 */
export interface CustomLayoutOptions {
  /** `custom`. */
  type: 'custom';
  /** CSS that positions the streams, selected as `stream` elements by their layout classes. */
  stylesheet: string;
  /** Only a `bestFit` layout has a screen-share layout. */
  screenshareType?: undefined;
}

/** The `bestFit` layout, with the layout it switches to while a screen is shared. */
export interface ScreenshareLayoutOptions {
  /** `bestFit`. */
  type: 'bestFit';
  /** Only a `custom` layout has a stylesheet. */
  stylesheet?: undefined;
  /** The layout used while a screen-sharing stream is in the session. */
  screenshareType?: ScreenshareLayoutType;
}

/**
 * Layout of a composed archive or broadcast (`ArchiveOptions.layout`, `BroadcastOptions.layout`).
 * `stylesheet` belongs to the `custom` type and `screenshareType` to `bestFit`; other combinations
 * do not compile. `setArchiveLayout` and `setBroadcastLayout` take the same fields as arguments.
 *
 * @example
 * ```ts
 * // bestFit, switching to picture-in-picture while someone shares a screen.
 * opentok.startArchive(sessionId, { layout: { type: 'bestFit', screenshareType: 'pip' } }, (err, archive) => {
 *   if (err) return console.error(err);
 *   console.log(archive.id);
 * });
 * ```
 */
export type LayoutOptions = PredefinedLayoutOptions | CustomLayoutOptions | ScreenshareLayoutOptions;

/** Which resource's layout is set: the path segment and the ID's name in messages. */
interface LayoutTarget {
  readonly resource: 'archive' | 'broadcast';
  readonly idMessage: string;
}

export const ARCHIVE_LAYOUT: LayoutTarget = {
  resource: 'archive',
  idMessage: 'Invalid arguments -- must provide an archiveId string.',
};
export const BROADCAST_LAYOUT: LayoutTarget = {
  resource: 'broadcast',
  idMessage: 'Invalid arguments -- must provide an broadcastId string.',
};

/**
 * Resolves the callback of `(id, type[, stylesheet][, screenshareType], callback)`: the 5th
 * argument when it is a function, else the 3rd, else the 4th (so both optional arguments may be
 * left out, or given as `null`). The argument used as the callback counts as absent.
 */
function resolveLayoutArguments(
  stylesheet: unknown,
  screenshareType: unknown,
  fifth: unknown,
): { callback: AnyCallback; stylesheet: unknown; screenshareType: unknown } {
  if (isCallback(fifth)) return { callback: fifth, stylesheet, screenshareType };
  if (isCallback(stylesheet)) return { callback: stylesheet, stylesheet: undefined, screenshareType };
  if (isCallback(screenshareType)) return { callback: screenshareType, stylesheet, screenshareType: undefined };
  throw new ArgumentError('Invalid arguments -- must provide a callback function.');
}

function validationMessage(
  target: LayoutTarget,
  id: unknown,
  type: unknown,
  stylesheet: unknown,
  screenshareType: unknown,
): string | undefined {
  if (typeof id !== 'string') return target.idMessage;
  if (typeof type !== 'string') return 'Invalid arguments -- must provide a type string.';
  if (typeof stylesheet === 'function') return 'Invalid arguments -- stylesheet cannot be a function.';
  if (stylesheet && typeof stylesheet !== 'string') return 'Invalid arguments -- stylesheet must be a string.';
  if (typeof screenshareType === 'function') return 'Invalid arguments -- screenshareType cannot be a function.';
  if (screenshareType && typeof screenshareType !== 'string') {
    return 'Invalid arguments -- screenshareType must be a string.';
  }
  if (screenshareType && type !== 'bestFit') {
    return 'Invalid arguments -- type must be set to "bestFit" if you set screenshareType.';
  }
  return undefined;
}

/**
 * `setArchiveLayout` / `setBroadcastLayout`: a PUT of `{type, stylesheet, screenshareType}` (empty
 * values left out) whose response is passed through; argument errors are plain `Error`s.
 */
export function setLayout(
  ctx: ApiContext,
  target: LayoutTarget,
  id: unknown,
  type: unknown,
  stylesheetArgument: unknown,
  screenshareTypeArgument: unknown,
  fifth: unknown,
): void {
  const { callback, stylesheet, screenshareType } = resolveLayoutArguments(
    stylesheetArgument,
    screenshareTypeArgument,
    fifth,
  );
  const invalid = validationMessage(target, id, type, stylesheet, screenshareType);
  if (invalid !== undefined) {
    callback(new Error(invalid));
    return;
  }
  const json = {
    type,
    stylesheet: stylesheet || undefined,
    screenshareType: screenshareType || undefined,
  };
  const path = `${ctx.projectPath}/${target.resource}/${toText(id)}/layout`;
  callRest(ctx.rest, { method: 'PUT', path, json }, passThroughArgs, callback);
}
