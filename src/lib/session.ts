// Legacy deep path `opentok/lib/session.js` of opentok 2.x, kept so that code
// that requires it still runs.
import { Session } from '../models/session';

export = Session;
