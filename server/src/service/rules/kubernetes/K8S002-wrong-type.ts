// K8S002 — a value of the wrong type (a number where text is expected, a map where a list is…).
import { schemaRule } from './util';

export const rule = schemaRule('K8S002', 'type');
