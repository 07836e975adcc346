import { mountApp } from '../../common/src/mount';
import { RaciConfig } from './raci-config';

mountApp(<RaciConfig />);
