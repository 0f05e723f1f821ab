// Legacy deep path `opentok/lib/sipInterconnect.js` of the original package (SPEC §3.1).
import { SipCall } from '../models/sip-call';

export = SipCall;
