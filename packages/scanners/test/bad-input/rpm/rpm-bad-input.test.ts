import { describeBadInput } from '../bad-input-suite.js';
import { rpmCases } from './rpm-cases.js';

describeBadInput('rpm', rpmCases);
