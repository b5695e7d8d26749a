// K8S007 — an apiVersion removed in the target Kubernetes version (settings.kubernetesVersion).
import { apiVersionRule } from './api-version';

export const rule = apiVersionRule('K8S007', 'removed');
