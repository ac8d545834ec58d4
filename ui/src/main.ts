import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

// In a plain browser (`VITE_MOCK_IPC=1 npm run dev`) there is no Rust side; a sample store
// stands in. The condition is false in production builds, so the mock is never bundled.
const backendReady: Promise<unknown> =
  import.meta.env.VITE_MOCK_IPC === '1'
    ? import('./dev-mock').then((mock) => mock.installDevMock())
    : Promise.resolve();

void backendReady.then(() => mount(App, { target: document.getElementById('app')! }));
