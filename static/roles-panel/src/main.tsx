import { mountApp } from '../../common/src/mount';
import { RolesPanel } from './roles-panel';

mountApp(<RolesPanel />);
