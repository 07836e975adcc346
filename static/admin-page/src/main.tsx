import { mountApp } from '../../common/src/mount';
import { AdminPage } from './admin-page';

mountApp(<AdminPage />);
