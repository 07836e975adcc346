import { mountApp } from '../../common/src/mount';
import { BriefConfig } from './brief-config';

mountApp(<BriefConfig />);
