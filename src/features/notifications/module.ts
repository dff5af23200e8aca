/** Notices from managers to staff of their org subtree (/api/notifications/notices) and their client event. */
import { defineModule } from '../../platform/module.js';
import { noticeEvents } from './events.js';
import { noticeRoutes } from './routes.js';

export default defineModule({ name: 'notifications', routes: noticeRoutes, events: noticeEvents });
