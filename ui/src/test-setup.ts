import '@testing-library/jest-dom/vitest';
import { vi } from 'vitest';

// jsdom draws no canvas: charts record their figures instead (see chart-fake.ts).
vi.mock('./lib/chart-setup', async () => {
  const { FakeChart } = await import('./lib/chart-fake');
  return { Chart: FakeChart };
});
