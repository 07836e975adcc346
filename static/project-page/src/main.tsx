import { mountApp } from '../../common/src/mount';
import { ProjectPage } from './project-page';

mountApp(<ProjectPage />);
