/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" makes `npm run dev`/`preview` answer IPC from an in-browser sample store. */
  readonly VITE_MOCK_IPC?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
