/** The app's IndexedDB database. Apart from db.ts so that naming it does not load Dexie. */
export const DB_NAME = 'spinnenweb';
