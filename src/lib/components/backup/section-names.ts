import { m } from '$lib/paraglide/messages.js';

/** A section's name for people; a section added later adds its label here. */
export function sectionLabel(section: string): string {
	switch (section) {
		case 'webs':
			return m.backup_section_webs();
		case 'reflections':
			return m.backup_section_reflections();
		case 'settings':
			return m.backup_section_settings();
		case 'clients':
			return m.backup_section_clients();
		case 'conversations':
			return m.backup_section_conversations();
		case 'agreements':
			return m.backup_section_agreements();
		case 'voorzieningen':
			return m.backup_section_voorzieningen();
		default:
			return section;
	}
}
