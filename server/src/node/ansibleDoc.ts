// The ansible-doc runner the server injects into the service — only in a trusted workspace with
// `infraNotes.ansible.useAnsibleDoc` on. No shell, arguments as a list, a timeout and an output cap.
import { execFile } from 'node:child_process';
import type { AnsibleDocRunner } from '../service/languages/ansible/ansibleDoc';

const TIMEOUT_MS = 8000;
const MAX_OUTPUT = 4 * 1024 * 1024;

export function ansibleDocRunner(executable: string): AnsibleDocRunner {
  return (module) =>
    new Promise((resolve) => {
      execFile(executable, ['--json', module], { shell: false, timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT, windowsHide: true }, (err, stdout) => {
        resolve(err ? undefined : stdout);
      });
    });
}
