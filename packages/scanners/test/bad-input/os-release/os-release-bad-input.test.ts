import { describeBadInput } from '../bad-input-suite.js';
import { osReleaseCases } from './os-release-cases.js';

describeBadInput('os-release', osReleaseCases);
