// The Kubernetes rules: one per file, detection and fix together.
import type { Rule } from '../types';
import { rule as K8S001 } from './K8S001-unknown-field';
import { rule as K8S002 } from './K8S002-wrong-type';
import { rule as K8S003 } from './K8S003-missing-required-field';
import { rule as K8S004 } from './K8S004-invalid-enum-value';
import { rule as K8S005 } from './K8S005-invalid-quantity';
import { rule as K8S006 } from './K8S006-duplicate-key';
import { rule as K8S007 } from './K8S007-removed-api-version';
import { rule as K8S008 } from './K8S008-deprecated-api-version';
import { rule as K8S009 } from './K8S009-yaml-syntax';
import { rule as K8S010 } from './K8S010-selector-template-mismatch';
import { rule as K8S011 } from './K8S011-template-name';
import { rule as K8S012 } from './K8S012-bare-pod';
import { rule as K8S013 } from './K8S013-rolling-update-with-recreate';
import { rule as K8S014 } from './K8S014-zero-surge-and-unavailable';
import { rule as K8S015 } from './K8S015-probe-success-threshold';
import { rule as K8S016 } from './K8S016-missing-readiness-probe';
import { rule as K8S017 } from './K8S017-probe-port-undeclared';
import { rule as K8S018 } from './K8S018-requests-above-limits';
import { rule as K8S019 } from './K8S019-missing-resources';
import { rule as K8S020 } from './K8S020-volume-mount-without-volume';
import { rule as K8S021 } from './K8S021-missing-config-object';
import { rule as K8S022 } from './K8S022-missing-config-key';
import { rule as K8S023 } from './K8S023-invalid-base64';
import { rule as K8S024 } from './K8S024-tls-secret-keys';
import { rule as K8S025 } from './K8S025-service-selector-no-match';
import { rule as K8S026 } from './K8S026-target-port-undeclared';
import { rule as K8S027 } from './K8S027-ingress-service-missing';
import { rule as K8S028 } from './K8S028-ingress-port-missing';
import { rule as K8S029 } from './K8S029-node-name';
import { rule as K8S030 } from './K8S030-host-namespaces';
import { rule as K8S031 } from './K8S031-privileged';
import { rule as K8S032 } from './K8S032-docker-socket';
import { rule as K8S033 } from './K8S033-latest-tag';
import { rule as K8S034 } from './K8S034-service-type-conflict';
import { rule as K8S035 } from './K8S035-init-container-probes';
import { rule as K8S040 } from './K8S040-run-as-non-root';
import { rule as K8S041 } from './K8S041-read-only-root-filesystem';
import { rule as K8S042 } from './K8S042-no-anti-affinity';
import { rule as K8S043 } from './K8S043-capabilities-not-dropped';

export const rules: Rule[] = [
  K8S001, K8S002, K8S003, K8S004, K8S005, K8S006, K8S007, K8S008, K8S009, K8S010, K8S011, K8S012, K8S013, K8S014, K8S015, K8S016, K8S017, K8S018, K8S019, K8S020, K8S021, K8S022, K8S023, K8S024, K8S025, K8S026, K8S027, K8S028, K8S029, K8S030, K8S031, K8S032, K8S033, K8S034, K8S035, K8S040, K8S041, K8S042, K8S043,
];
