// K8S003 — a required field is missing (e.g. a container without `name`, K8S-04). Not reported in
// patches (Kustomize, kubeadm).
import { schemaRule } from './util';

export const rule = schemaRule('K8S003', 'required');
