/**
 * Waits until at least `marginSeconds` remain in the current fixed window of `windowSeconds`
 * (windows start at multiples of it since the epoch, as the rate limiter counts them), so a test
 * that fills a window never sees it roll over half-way.
 */
export async function awaitFreshWindow(windowSeconds: number, marginSeconds = 15): Promise<void> {
	const intoWindow = (Date.now() / 1000) % windowSeconds;
	const left = windowSeconds - intoWindow;
	if (left < marginSeconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 250));
}
