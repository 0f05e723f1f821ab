import { isIPv4 } from 'net';
import { VIDEO_RESOLUTIONS } from '../body';
import { EmulatorHttpError } from '../errors';
import type { Route } from '../router';
import { newSessionId } from '../state';

const RESOLUTIONS: ReadonlySet<string> = new Set(VIDEO_RESOLUTIONS);

/**
 * `POST /session/create`: the form fields `location` (an IPv4 address), `archiveMode`, `e2ee`,
 * `archiveName`, `archiveResolution` and `p2p.preference` (`disabled` for a routed session),
 * answered with the JSON array the service gives.
 */
export const sessionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/session\/create$/,
    handler: ({ project, body }) => {
      const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const location = typeof form.location === 'string' ? form.location : '';
      if (location && !isIPv4(location)) throw new EmulatorHttpError(400, 'location must be an IPv4 address');
      const archiveMode = form.archiveMode === 'always' ? 'always' : 'manual';
      const mediaMode = form['p2p.preference'] === 'disabled' ? 'routed' : 'relayed';
      if (archiveMode === 'always' && mediaMode !== 'routed') {
        throw new EmulatorHttpError(400, 'A session with always archive mode must also have the routed media mode.');
      }
      const archiveResolution = typeof form.archiveResolution === 'string' ? form.archiveResolution : undefined;
      if (archiveResolution !== undefined && !RESOLUTIONS.has(archiveResolution)) {
        throw new EmulatorHttpError(400, 'Invalid archiveResolution');
      }
      const id = newSessionId(project.apiKey, location);
      const createdAt = Date.now();
      project.sessions.set(id, {
        id,
        mediaMode,
        archiveMode,
        location,
        e2ee: form.e2ee === 'true',
        archiveName: typeof form.archiveName === 'string' ? form.archiveName : undefined,
        archiveResolution,
        createdAt,
        connections: new Map(),
        streams: new Map(),
        muteAll: { active: false, excludedStreamIds: [] },
      });
      return {
        status: 200,
        body: [
          {
            session_id: id,
            project_id: project.apiKey,
            partner_id: project.apiKey,
            create_dt: new Date(createdAt).toUTCString(),
            session_status: null,
            status_invalid: null,
            media_server_hostname: null,
            messaging_server_url: null,
            messaging_url: null,
            symphony_address: null,
            properties: null,
            ice_server: null,
            session_segment_id: id,
            ice_servers: null,
            ice_credential_expiration: 86100,
          },
        ],
      };
    },
  },
];
