import { mountApp } from '../../common/src/mount';
import { RaciMatrixMacro } from './raci-matrix';

mountApp(<RaciMatrixMacro />);
