// What a plan's table needs to save itself as a CSV file: the plan, and a way to save what the
// dean typed first, so the file holds the figures on screen. The plan window provides it to
// every table inside it.
import { createContext } from 'svelte';

export interface TableSaving {
  planId: number;
  /** Runs before the file is written, so it carries everything typed so far. */
  beforeSave: () => Promise<void>;
}

export const [tableSaving, provideTableSaving] = createContext<TableSaving>();
