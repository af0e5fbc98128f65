import { describeBadInput } from '../bad-input-suite.js';
import { osqueryCases } from './osquery-cases.js';

describeBadInput('osquery', osqueryCases);
