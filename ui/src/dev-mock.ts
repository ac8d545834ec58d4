// Browser preview only (`VITE_MOCK_IPC=1`): answers IPC from memory with the sample plan, so
// the UI can be seen and tried without the Rust side. Never part of a production build. The
// sample plan carries the sample rollout with Rust's own figures (fixtures/rollout.json).
import { FakeBackend, samplePlan, storedPlan } from './lib/fake-backend';

export function installDevMock(): void {
  const hour = 3_600_000;
  const backend = new FakeBackend([
    samplePlan(1, new Date(Date.now() - 4 * 60_000).toISOString()),
    storedPlan(
      2,
      'Stackable certificates in data analytics',
      'Université de Montréal — Faculté de l’éducation permanente',
      new Date(Date.now() - 26 * hour).toISOString(),
      {
        country: 'CA',
        institutionType: 'public_university',
        totalEnrolment: 67_000,
        degreePrograms: 600,
        facultyHeadcount: 2_900,
        currency: 'CAD',
        fiscalYearStartMonth: 5,
        stage: 'exploring',
      },
      {
        responses: {
          awareness: { answers: [3, 2, 'dont_know', 2, null], evidence: '' },
        },
        position: { step: 'area', area: 'curriculum_integration' },
        adoptedActions: [],
      },
    ),
    storedPlan(
      3,
      'Cybersecurity pathway pilot',
      'Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης',
      new Date(Date.now() - 40 * 24 * hour).toISOString(),
      {
        country: 'GR',
        totalEnrolment: 81_000,
        currency: 'EUR',
        creditSystem: 'ects',
        stage: 'exploring',
      },
    ),
  ]);
  backend.latency = 350;
  backend.install();
}
