import { describeBadInput } from '../bad-input-suite.js';
import { regQueryCases } from './reg-query-cases.js';

describeBadInput('reg-query', regQueryCases);
