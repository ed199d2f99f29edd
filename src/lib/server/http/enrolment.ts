// A team's enrolment code, checked. A wrong code and an expired one get the same answer: telling
// them apart would tell a guesser which codes were once real.
import type { ServerContext } from '../context';
import { teamByEnrolmentCode, type EnrolmentTeam } from '../teams/teams';
import { ApiError } from './errors';

export async function enrolmentTeam(context: ServerContext, code: string): Promise<EnrolmentTeam> {
	const team = await teamByEnrolmentCode(context.db, code);
	if (!team) {
		throw new ApiError(
			400,
			'invalid_enrolment_code',
			'This enrolment code is not known here or has expired; ask the team for a new one.'
		);
	}
	return team;
}
