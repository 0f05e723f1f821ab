import { dashboardRoutes } from '../dashboard/routes';
import type { Route } from '../router';
import { archiveRoutes } from './archives';
import { broadcastRoutes } from './broadcasts';
import { emulatorApiRoutes } from './emulator-api';
import { sessionMemberRoutes } from './moderation';
import { participantRoutes } from './participants';
import { serviceRoutes } from './services';
import { sessionRoutes } from './sessions';
import { standInRoutes } from './standin';

/** Every endpoint of the emulator, matched in this order. */
export const ROUTES: readonly Route[] = [
  ...sessionRoutes,
  ...archiveRoutes,
  ...broadcastRoutes,
  ...participantRoutes,
  ...sessionMemberRoutes,
  ...serviceRoutes,
  ...emulatorApiRoutes,
  ...dashboardRoutes,
  ...standInRoutes,
];
