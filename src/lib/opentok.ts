// Legacy deep path `opentok/lib/opentok.js` of the original package (SPEC §3.1).
import { OpenTok } from '../opentok';

export = OpenTok;
