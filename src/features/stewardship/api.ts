/** What stewardship offers outside its feature: the seed computes the demo bank's state on its data date. */
export { recordStewardship } from './record-stewardship.js';
