import { describeBadInput } from '../bad-input-suite.js';
import { slmgrCases } from './slmgr-cases.js';

describeBadInput('slmgr', slmgrCases);
