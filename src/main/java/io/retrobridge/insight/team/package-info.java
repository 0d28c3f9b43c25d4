/**
 * What the reports need of teams: which applications a report covers when one team is asked for, and which team each
 * application's figures are rolled up to.
 */
package io.retrobridge.insight.team;
