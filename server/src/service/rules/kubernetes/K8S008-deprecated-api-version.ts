// K8S008 — an apiVersion deprecated in the target Kubernetes version, still served.
import { apiVersionRule } from './api-version';

export const rule = apiVersionRule('K8S008', 'deprecated');
