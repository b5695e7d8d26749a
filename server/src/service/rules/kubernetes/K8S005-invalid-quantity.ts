// K8S005 — a resource quantity Kubernetes can't parse (`512mb`, `1.5 cpu`), K8S-09.
import { schemaRule } from './util';

export const rule = schemaRule('K8S005', 'quantity');
