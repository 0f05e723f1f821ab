import { EmulatorHttpError } from '../errors';

const TYPES = new Set(['bestFit', 'pip', 'verticalPresentation', 'horizontalPresentation', 'focus', 'custom']);
const SCREENSHARE_TYPES = new Set(['bestFit', 'pip', 'verticalPresentation', 'horizontalPresentation']);

/** Validates a layout object as the service does (400 otherwise) and returns it. */
export function validateLayout(layout: unknown): Record<string, unknown> {
  if (typeof layout !== 'object' || layout === null) throw new EmulatorHttpError(400, 'layout must be an object');
  const { type, stylesheet, screenshareType } = layout as Record<string, unknown>;
  if (typeof type !== 'string' || !TYPES.has(type)) throw new EmulatorHttpError(400, 'Invalid layout type');
  if (type === 'custom' && typeof stylesheet !== 'string') {
    throw new EmulatorHttpError(400, 'A custom layout requires a stylesheet');
  }
  if (type !== 'custom' && stylesheet !== undefined) {
    throw new EmulatorHttpError(400, 'A stylesheet is only allowed with the custom layout type');
  }
  if (screenshareType !== undefined) {
    if (type !== 'bestFit') throw new EmulatorHttpError(400, 'screenshareType requires the bestFit layout type');
    if (typeof screenshareType !== 'string' || !SCREENSHARE_TYPES.has(screenshareType)) {
      throw new EmulatorHttpError(400, 'Invalid screenshareType');
    }
  }
  return { type, stylesheet, screenshareType };
}
