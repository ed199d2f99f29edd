// The lock's cost: the lazily loaded crypto code's size, and in Chromium the unlock (derive the
// passcode's key with 600,000 PBKDF2 iterations and unwrap the data key) and opening 1,000 sealed
// webs read from IndexedDB, each the median of 5. The module is not used by a screen yet, so it
// is bundled here on its own, minified as the app's build would, and loaded into the page.
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { PHONE } from './browser.js';
import { median } from './stats.js';

const ENTRY = 'src/lib/crypto/index.ts';

/** The module minified as one file; `external` leaves zod out (the app already loads it). */
async function bundle(format, external = []) {
	const result = await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			write: false,
			minify: true,
			lib: { entry: ENTRY, formats: [format], name: 'SpinnenwebCrypto', fileName: 'crypto' },
			rollupOptions: { external }
		}
	});
	const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
	return outputs.map((o) => ('code' in o ? o.code : '')).join('');
}

export async function measureCryptoSize() {
	const own = await bundle('es', [/^zod/]);
	const whole = await bundle('es');
	return {
		ownGzip: gzipSync(own, { level: 9 }).length,
		withZodGzip: gzipSync(whole, { level: 9 }).length
	};
}

export async function measureCrypto(browser, url, count = 1000, runs = 5) {
	const code = await bundle('iife');
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await page.goto(`${url}/`);
	await page.addScriptTag({ content: code });
	const result = await page.evaluate(
		async ({ count, runs }) => {
			const C = window.SpinnenwebCrypto;
			const passcode = 'een lange zin als code';
			const { record, key } = await C.createKeyRecord(passcode, Date.now());
			const spec = {
				name: 'webs',
				primaryKey: 'id',
				clearFields: ['createdAt', 'updatedAt', 'completedAt']
			};
			const db = await new Promise((resolve, reject) => {
				const request = indexedDB.open('bench-crypto', 1);
				request.onupgradeneeded = () => request.result.createObjectStore('webs', { keyPath: 'id' });
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const sealed = [];
			for (let i = 0; i < count; i++) {
				const answers = {};
				for (let a = 0; a < 42; a++) answers[`dimension.aspect-${a}`] = (i + a) % 11;
				const time = Date.UTC(2020, 0, 1) + i * 3_600_000;
				sealed.push(
					await C.sealRecord(key, record.keyId, spec, {
						id: crypto.randomUUID(),
						questionSetId: 'volwassenen-v1',
						locale: 'nl',
						createdAt: time,
						updatedAt: time,
						completedAt: time,
						answers,
						talkAbout: ['dimension.aspect-3'],
						dimensionAnswers: {},
						position: { dimensionIndex: 5, aspectKey: null }
					})
				);
			}
			await new Promise((resolve, reject) => {
				const tx = db.transaction('webs', 'readwrite');
				for (const row of sealed) tx.objectStore('webs').put(row);
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			const unlock = [];
			const open = [];
			for (let run = 0; run < runs; run++) {
				const start = performance.now();
				const unlocked = await C.unlockKeyRecord(record, passcode);
				const unlockedAt = performance.now();
				const rows = await new Promise((resolve, reject) => {
					const request = db.transaction('webs').objectStore('webs').getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				const webs = await Promise.all(rows.map((row) => C.openRecord(unlocked, spec, row)));
				if (webs.length !== count) throw new Error(`opened ${webs.length} of ${count}`);
				unlock.push(unlockedAt - start);
				open.push(performance.now() - unlockedAt);
			}
			db.close();
			return { unlock, open, bytesPerWeb: sealed[0].sealed.ct.length };
		},
		{ count, runs }
	);
	await context.close();
	return {
		unlockMs: median(result.unlock),
		openMs: median(result.open),
		totalMs: median(result.unlock.map((u, i) => u + result.open[i])),
		bytesPerWeb: result.bytesPerWeb
	};
}
