import { describeBadInput } from '../bad-input-suite.js';
import { regExportCases } from './reg-export-cases.js';

describeBadInput('reg-export', regExportCases);
