// What each fixture in test/e2e/workspace must show. One table, so a changed fact id or a new rule
// is a one-line edit. `factId` is the first fact id of the hovered entry in server/knowledge;
// `diagnostic` a rule the fixture plainly breaks (Dockerfile: ADD of a local file; compose.yaml:
// `version:`; site.yml: `state: latest` on apt; k8s: the `nginx:latest` image).
// `diagnostic: undefined` marks a family without a rule yet: its diagnostics test is reported as
// pending (visible in the mocha summary), never silently passed.
export interface FamilyExpectation {
  family: string;
  file: string;
  /** text to hover; the cursor goes one character into its first occurrence */
  hoverOn: string;
  /** a notes fact id the hover must mention */
  factId: string;
  /** a diagnostic code the file must produce (source "infra-notes") */
  diagnostic?: string;
}

export const FAMILIES: FamilyExpectation[] = [
  { family: 'Dockerfile', file: 'Dockerfile', hoverOn: 'FROM', factId: 'DOCKER-09', diagnostic: 'DF007' },
  { family: 'Compose', file: 'compose.yaml', hoverOn: 'services:', factId: 'COMPOSE-01', diagnostic: 'DC001' },
  { family: 'Ansible playbook', file: 'site.yml', hoverOn: 'hosts:', factId: 'ANSIBLE-01', diagnostic: 'AN007' },
  { family: 'Kubernetes', file: 'k8s/deployment.yaml', hoverOn: 'kind:', factId: 'K8S-01', diagnostic: 'K8S033' },
];

export const COMMANDS = [
  'infraNotes.openNotes', 'infraNotes.showNote', 'infraNotes.explainFile', 'infraNotes.setFileKind',
  'infraNotes.restartServer', 'infraNotes.showOutput', 'infraNotes.createSamples', 'infraNotes.openSample',
];
