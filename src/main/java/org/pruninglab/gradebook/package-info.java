/**
 * Grades of record: made once per student and exercise when the student's submissions close (the
 * final submission graded again with the hidden tests, late penalty applied), overridden by staff
 * with an audit trail, regraded, released; the gradebook grid and its CSV, analytics and the
 * pseudonymous leaderboard. Owns {@code grade_of_record}, {@code grade_audit} and {@code
 * leaderboard_pseudonym}; submissions, accounts and extensions come from their features' services.
 */
package org.pruninglab.gradebook;
