import { mountApp } from '../../common/src/mount';
import { RolesContext } from './roles-context';

mountApp(<RolesContext />);
