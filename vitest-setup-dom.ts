import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { setLocale } from '$lib/paraglide/runtime.js';

// jsdom's browser language is English; the app's own default is Dutch, and tests read as a Dutch user.
setLocale('nl', { reload: false });

// jsdom has no layout, so no ResizeObserver; components that measure their box get a quiet stand-in.
globalThis.ResizeObserver ??= class {
	observe() {}
	unobserve() {}
	disconnect() {}
};
