import type { Rule } from '../types';
import { rule as DF001 } from './DF001-foreground-process';
import { rule as DF002 } from './DF002-missing-dockerignore';
import { rule as DF003 } from './DF003-apt-lists';
import { rule as DF004 } from './DF004-pip-cache';
import { rule as DF005 } from './DF005-apk-cache';
import { rule as DF006 } from './DF006-yum-dnf-clean';
import { rule as DF007 } from './DF007-prefer-copy-over-add';
import { rule as DF008 } from './DF008-copy-before-install';
import { rule as DF009 } from './DF009-distro-user';
import { rule as DF010 } from './DF010-no-upgrade';
import { rule as DF011 } from './DF011-build-deps-in-final';
import { rule as DF012 } from './DF012-build-at-start';
import { rule as DF013 } from './DF013-one-process';
import { rule as DF014 } from './DF014-old-jvm';
import { rule as DF020 } from './DF020-absolute-workdir';
import { rule as DF021 } from './DF021-cd-in-run';
import { rule as DF022 } from './DF022-no-sudo';
import { rule as DF023 } from './DF023-untagged-image';
import { rule as DF024 } from './DF024-latest-tag';
import { rule as DF025 } from './DF025-apt-yes';
import { rule as DF026 } from './DF026-no-install-recommends';
import { rule as DF027 } from './DF027-apt-get-not-apt';
import { rule as DF028 } from './DF028-copy-from-unknown-stage';
import { rule as DF029 } from './DF029-copy-from-own-stage';
import { rule as DF030 } from './DF030-duplicate-stage-name';
import { rule as DF031 } from './DF031-copy-dest-slash';
import { rule as DF032 } from './DF032-relative-copy-without-workdir';
import { rule as DF033 } from './DF033-maintainer';
import { rule as DF034 } from './DF034-pipefail';
import { rule as DF035 } from './DF035-multiple-cmd';
import { rule as DF036 } from './DF036-consecutive-run';
import { rule as DF037 } from './DF037-last-user-root';
import { rule as DF038 } from './DF038-pin-apt';
import { rule as DF039 } from './DF039-pin-pip';
import { rule as DF040 } from './DF040-pin-apk';
import { rule as DF050 } from './DF050-instruction-casing';
import { rule as DF051 } from './DF051-from-as-casing';
import { rule as DF052 } from './DF052-empty-continuation';
import { rule as DF053 } from './DF053-reserved-stage-name';
import { rule as DF054 } from './DF054-json-args';
import { rule as DF055 } from './DF055-undefined-arg-in-from';
import { rule as DF056 } from './DF056-undefined-variable';
import { rule as DF057 } from './DF057-legacy-key-value';
import { rule as DF058 } from './DF058-secret-in-arg-env';
import { rule as DF059 } from './DF059-expose-format';
import { rule as DF060 } from './DF060-expose-protocol-casing';
import { rule as DF061 } from './DF061-redundant-platform';
import { rule as DF062 } from './DF062-copy-ignored-file';

export const rules: Rule[] = [
  DF001,
  DF002,
  DF003,
  DF004,
  DF005,
  DF006,
  DF007,
  DF008,
  DF009,
  DF010,
  DF011,
  DF012,
  DF013,
  DF014,
  DF020,
  DF021,
  DF022,
  DF023,
  DF024,
  DF025,
  DF026,
  DF027,
  DF028,
  DF029,
  DF030,
  DF031,
  DF032,
  DF033,
  DF034,
  DF035,
  DF036,
  DF037,
  DF038,
  DF039,
  DF040,
  DF050,
  DF051,
  DF052,
  DF053,
  DF054,
  DF055,
  DF056,
  DF057,
  DF058,
  DF059,
  DF060,
  DF061,
  DF062,
];
