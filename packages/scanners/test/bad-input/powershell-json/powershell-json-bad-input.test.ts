import { describeBadInput } from '../bad-input-suite.js';
import { powershellJsonCases } from './powershell-json-cases.js';

describeBadInput('powershell-json', powershellJsonCases);
