/**
 * Who owns which application ({@code mappings/teams.yaml}) as a checked model: the teams the reports roll figures up
 * to and filter by. Pure records; an application no team lists belongs to {@link io.retrobridge.mapping.team.TeamsMapping#UNASSIGNED}.
 */
package io.retrobridge.mapping.team;
