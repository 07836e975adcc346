import { mountApp } from '../../common/src/mount';
import { InitiativeGadget } from './initiative-gadget';

mountApp(<InitiativeGadget />);
