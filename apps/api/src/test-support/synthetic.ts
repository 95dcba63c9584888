/** The generator lives with the demo data (it seeds the demo roll too); tests import it from here. */
export { syntheticPersonalNumbers } from '../core/synthetic-numbers.js';
