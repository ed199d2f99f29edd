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
		default:
			return section;
	}
}
