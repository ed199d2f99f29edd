// Searching the sociale kaart with 2,000 voorzieningen on a tablet: from a keystroke in the search
// box until the list on screen shows the new results (the index is in memory; nothing is fetched).
import { TABLET } from './browser.js';
import { percentile } from './stats.js';

/** Stores `count` generated voorzieningen straight into IndexedDB, as a big municipal list would. */
async function seedVoorzieningen(page, count) {
	await page.evaluate(async (total) => {
		const kinds = [
			'Buurthuis',
			'Taalcafé',
			'Wandelgroep',
			'Schuldhulp',
			'Repair Café',
			'Moestuin',
			'Koor',
			'Inloop',
			'Maatjesproject',
			'Beweegmaatje'
		];
		const names = [
			'De Brink',
			'Oost',
			'Het Anker',
			'De Linde',
			'Zonnehof',
			'Vitaal',
			'Samen',
			'De Loods',
			'Parkwijk',
			'Centrum'
		];
		const dimensions = [
			'lichaamsfuncties',
			'mentaal',
			'zingeving',
			'kwaliteit',
			'meedoen',
			'dagelijks'
		];
		const db = await new Promise((resolve, reject) => {
			const request = indexedDB.open('spinnenweb');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const tx = db.transaction('voorzieningen', 'readwrite');
		const store = tx.objectStore('voorzieningen');
		for (let i = 0; i < total; i++) {
			store.put({
				id: `bench-${i}`,
				name: `${kinds[i % kinds.length]} ${names[Math.floor(i / 10) % names.length]} ${i}`,
				description: `Samen koffie drinken, een praatje en hulp bij vragen over geld, taal of gezondheid (${i}).`,
				organisation: `Welzijn ${names[i % names.length]}`,
				dimensions: [dimensions[i % 6], dimensions[(i + 2) % 6]],
				targetGroup: i % 3 === 0 ? 'Ouderen' : 'Iedereen uit de wijk',
				ageFrom: null,
				ageTo: null,
				costs: 'Gratis',
				signUp: 'Loop binnen',
				phone: '0570 700 101',
				email: '',
				website: '',
				street: `Brinkstraat ${i}`,
				postcode: '7411 AB',
				place: 'Brinkveen',
				neighbourhood: names[i % names.length],
				openingHours: 'ma t/m vr 9.00–17.00',
				status: i % 25 === 0 ? 'inactive' : 'active',
				lastChecked: '2025-03-01',
				createdAt: 1_700_000_000_000,
				updatedAt: 1_700_000_000_000
			});
		}
		await new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, count);
}

export async function measureSocialMapSearch(browser, url, count = 2000) {
	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	await page.goto(`${url}/gesprekken/sociale-kaart`);
	await page.getByText('Er staan nog geen voorzieningen op de kaart.').waitFor();
	await seedVoorzieningen(page, count);
	await page.reload();
	await page.locator('#results-count').waitFor();

	const queries = [
		'buurt',
		'hulp',
		'koffie geld',
		'taal',
		'brink 1',
		'ouderen oost',
		'anker',
		'zzz',
		'cafe',
		''
	];
	const times = await page.evaluate(async (words) => {
		const input = document.querySelector('#kaart-search');
		const status = document.querySelector('#results-count');
		const results = [];
		for (let round = 0; round < 8; round++) {
			for (const word of words) {
				const before = status.textContent;
				const start = performance.now();
				input.value = word;
				input.dispatchEvent(new Event('input', { bubbles: true }));
				// Svelte updates the list in a microtask; a task queued now runs after it.
				await new Promise((resolve) => setTimeout(resolve, 0));
				const end = performance.now();
				if (status.textContent === before && word !== '') {
					await new Promise((resolve) => requestAnimationFrame(resolve));
				}
				results.push(end - start);
			}
		}
		return results;
	}, queries);
	await context.close();
	return { searches: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}
