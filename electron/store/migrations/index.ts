import type { Migration } from './types';
import { migration001 } from './001-project-meta';
import { migration002 } from './002-coverage-model';
import { migration003 } from './003-places';
import { migration004 } from './004-edits';
import { migration005 } from './005-imports';
import { migration006 } from './006-area-cache';
import { migration007 } from './007-area-supply';
import { migration008 } from './008-costs';
import { migration009 } from './009-snapshots';
import { migration010 } from './010-area-summary-index';
import { migration011 } from './011-geometry-blobs';
import { migration012 } from './012-topology-parts';
import { migration013 } from './013-plan-map-cache';
import { migration014 } from './014-layer-names';
import { migration015 } from './015-layer-overview';
import { migration016 } from './016-plan-map-zones';
import { migration017 } from './017-metrics-cache';

/** Every migration, in order. A project's PRAGMA user_version is the last one applied. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration016, migration017];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
export type { Migration };
