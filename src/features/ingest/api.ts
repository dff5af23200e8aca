/** What other features may use of ingest. */
export type { ReasonCount } from './reject-summary.js';
