import { view } from '@forge/bridge';
import { mountApp } from '../../common/src/mount';
import { getByline } from './api';
import { BriefByline, type BylineDeps } from './brief-byline';

const deps: BylineDeps = { getContext: () => view.getContext(), getByline };

mountApp(<BriefByline deps={deps} />);
