// The Ansible rules: one file per rule, detection and fix together.
import type { Rule } from '../types';
import { rule as AN001 } from './AN001-notify-unknown-handler';
import { rule as AN002 } from './AN002-command-instead-of-module';
import { rule as AN003 } from './AN003-no-changed-when';
import { rule as AN004 } from './AN004-unknown-strategy';
import { rule as AN005 } from './AN005-unknown-keyword';
import { rule as AN006 } from './AN006-unknown-module-option';
import { rule as AN007 } from './AN007-package-latest';
import { rule as AN008 } from './AN008-risky-file-permissions';
import { rule as AN009 } from './AN009-name-missing';
import { rule as AN010 } from './AN010-loop-instead-of-with';
import { rule as AN011 } from './AN011-jinja-unquoted';
import { rule as AN012 } from './AN012-jinja-unbalanced';
import { rule as AN013 } from './AN013-missing-role-or-file';
import { rule as AN014 } from './AN014-inventory-undefined-group';
import { rule as AN015 } from './AN015-yaml-syntax';
import { rule as AN016 } from './AN016-removed-include';

export const rules: Rule[] = [AN001, AN002, AN003, AN004, AN005, AN006, AN007, AN008, AN009, AN010, AN011, AN012, AN013, AN014, AN015, AN016];
