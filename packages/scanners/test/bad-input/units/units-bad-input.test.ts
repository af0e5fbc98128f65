import { describeBadInput } from '../bad-input-suite.js';
import { unitsCases } from './units-cases.js';

describeBadInput('units', unitsCases);
