/**
 * How long the app may stand unused before it locks by itself (with a passcode set). Kept on the
 * device: a shared tablet wants a short time, a person's own phone may want a longer one.
 */
export const AUTO_LOCK_KEY = 'spinnenweb-auto-lock-minutes';
export const AUTO_LOCK_CHOICES = [2, 5, 15] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 5;

export function readAutoLockMinutes(): number {
	try {
		const stored = Number(localStorage.getItem(AUTO_LOCK_KEY));
		return (AUTO_LOCK_CHOICES as readonly number[]).includes(stored)
			? stored
			: DEFAULT_AUTO_LOCK_MINUTES;
	} catch {
		return DEFAULT_AUTO_LOCK_MINUTES;
	}
}

export function writeAutoLockMinutes(minutes: number): void {
	try {
		localStorage.setItem(AUTO_LOCK_KEY, String(minutes));
	} catch {
		// Storage blocked: the default holds.
	}
}

/**
 * Calls `onIdle` once after `minutes` without a pointer, key or scroll; any of them starts the
 * time again. Returns a stop function. Uses setTimeout, so tests drive it with a fake clock.
 */
export function watchIdle(minutes: number, onIdle: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const restart = () => {
		clearTimeout(timer);
		timer = setTimeout(onIdle, minutes * 60_000);
	};
	const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
	for (const name of events) window.addEventListener(name, restart, { passive: true });
	restart();
	return () => {
		clearTimeout(timer);
		for (const name of events) window.removeEventListener(name, restart);
	};
}
