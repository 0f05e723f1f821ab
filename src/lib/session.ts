// Legacy deep path `opentok/lib/session.js` of the original package (SPEC §3.1).
import { Session } from '../models/session';

export = Session;
