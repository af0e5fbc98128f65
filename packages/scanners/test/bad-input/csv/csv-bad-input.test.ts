import { describeBadInput } from '../bad-input-suite.js';
import { csvCases } from './csv-cases.js';

describeBadInput('csv', csvCases);
