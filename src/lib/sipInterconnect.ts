// Legacy deep path `opentok/lib/sipInterconnect.js` of opentok 2.x, kept so that code
// that requires it still runs.
import { SipCall } from '../models/sip-call';

export = SipCall;
