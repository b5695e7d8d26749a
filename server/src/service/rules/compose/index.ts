import type { Rule } from '../types';
import { rule as DC001 } from './DC001-obsolete-version';
import { rule as DC002 } from './DC002-unknown-key';
import { rule as DC003 } from './DC003-wrong-type';
import { rule as DC004 } from './DC004-invalid-value';
import { rule as DC005 } from './DC005-invalid-duration';
import { rule as DC006 } from './DC006-invalid-port';
import { rule as DC007 } from './DC007-invalid-volume';
import { rule as DC008 } from './DC008-invalid-size';
import { rule as DC009 } from './DC009-yaml-syntax';
import { rule as DC010 } from './DC010-undefined-service';
import { rule as DC011 } from './DC011-dependency-cycle';
import { rule as DC012 } from './DC012-healthy-without-healthcheck';
import { rule as DC013 } from './DC013-undeclared-resource';
import { rule as DC014 } from './DC014-unused-declaration';
import { rule as DC015 } from './DC015-duplicate-host-port';
import { rule as DC016 } from './DC016-duplicate-container-name';
import { rule as DC017 } from './DC017-container-name-with-replicas';
import { rule as DC018 } from './DC018-privileged';
import { rule as DC019 } from './DC019-docker-socket';
import { rule as DC020 } from './DC020-journald-log-driver';
import { rule as DC021 } from './DC021-build-path-missing';
import { rule as DC022 } from './DC022-unknown-build-target';
import { rule as DC023 } from './DC023-env-file-missing';
import { rule as DC024 } from './DC024-deprecated-links';
import { rule as DC025 } from './DC025-env-file-from-example';
import { rule as DC026 } from './DC026-duplicate-mount-target';
import { rule as DC027 } from './DC027-network-mode-with-networks';
import { rule as DC028 } from './DC028-host-network-ports';
import { rule as DC029 } from './DC029-config-content-interpolation';

export const rules: Rule[] = [
  DC001, DC002, DC003, DC004, DC005, DC006, DC007, DC008, DC009, DC010, DC011, DC012, DC013, DC014, DC015, DC016,
  DC017, DC018, DC019, DC020, DC021, DC022, DC023, DC024, DC025, DC026, DC027, DC028, DC029,
];
