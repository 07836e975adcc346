import { mountApp } from '../../common/src/mount';
import { OverviewPage } from './overview-page';

mountApp(<OverviewPage />);
