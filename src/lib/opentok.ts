// Legacy deep path `opentok/lib/opentok.js` of opentok 2.x, kept so that code
// that requires it still runs.
import { OpenTok } from '../opentok';

export = OpenTok;
