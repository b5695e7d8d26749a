// K8S004 — a value outside the field's allowed values (fix when only the case differs).
import { schemaRule } from './util';

export const rule = schemaRule('K8S004', 'enum');
