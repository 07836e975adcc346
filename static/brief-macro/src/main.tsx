import { mountApp } from '../../common/src/mount';
import { BriefMacro } from './brief-macro';

mountApp(<BriefMacro />);
