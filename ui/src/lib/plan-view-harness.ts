// What the plan-window tests share: a fake clock for each test, and the plan window shown over
// the fake backend the way the app shows it.
import { afterEach, beforeEach, vi } from 'vitest';
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import PlanView from './PlanView.svelte';
import { GUIDE, PROFILE_OPTIONS, type FakeBackend } from './fake-backend';

/** Each test runs on a fake clock (pauses are skipped, not waited for); its mocks are cleared after. */
export function useFakeClock() {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    clearMocks();
    vi.useRealTimers();
  });
}

/** Shows plan `id` of `backend` in the plan window; the user's typing moves a fake clock on. */
export function showPlanView(backend: FakeBackend, id = 1, onsaved = vi.fn()) {
  render(PlanView, { detail: backend.detail(id), options: PROFILE_OPTIONS, guide: GUIDE, onsaved });
  return userEvent.setup(
    vi.isFakeTimers() ? { advanceTimers: vi.advanceTimersByTime.bind(vi) } : {},
  );
}
