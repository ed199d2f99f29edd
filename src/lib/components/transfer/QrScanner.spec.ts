import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import QrScanner from './QrScanner.svelte';

function cameraFails(name: string) {
	Object.defineProperty(navigator, 'mediaDevices', {
		configurable: true,
		value: { getUserMedia: vi.fn(() => Promise.reject(new DOMException('no', name))) }
	});
}

afterEach(() => {
	Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: undefined });
});

describe('QrScanner', () => {
	it('shows a fresh twelve-digit code to type on the phone, in groups of three', () => {
		render(QrScanner, { onresult: () => undefined });
		expect(screen.getByText('Typ deze code op de telefoon:')).toBeInTheDocument();
		expect(screen.getByText(/^\d{3} \d{3} \d{3} \d{3}$/)).toBeInTheDocument();
		const other = render(QrScanner, { onresult: () => undefined });
		const codes = screen.getAllByText(/^\d{3} \d{3} \d{3} \d{3}$/).map((el) => el.textContent);
		expect(new Set(codes).size).toBe(2);
		other.unmount();
	});

	it('says when the camera is not allowed, and offers a photo instead', async () => {
		cameraFails('NotAllowedError');
		render(QrScanner, { onresult: () => undefined });
		await userEvent.click(screen.getByRole('button', { name: 'Camera aanzetten' }));
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Spinnenweb mag de camera niet gebruiken.'
		);
		expect(screen.getByLabelText('Kies een foto van de QR-code')).toHaveAttribute(
			'accept',
			'image/*'
		);
		expect(screen.queryByRole('button', { name: 'Camera aanzetten' })).not.toBeInTheDocument();
	});

	it('says when there is no camera', async () => {
		cameraFails('NotFoundError');
		render(QrScanner, { onresult: () => undefined });
		await userEvent.click(screen.getByRole('button', { name: 'Camera aanzetten' }));
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Dit apparaat heeft geen camera die Spinnenweb kan gebruiken.'
		);
	});
});
