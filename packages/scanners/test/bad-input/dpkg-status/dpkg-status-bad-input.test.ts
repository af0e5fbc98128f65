import { describeBadInput } from '../bad-input-suite.js';
import { dpkgStatusCases } from './dpkg-status-cases.js';

describeBadInput('dpkg-status', dpkgStatusCases);
