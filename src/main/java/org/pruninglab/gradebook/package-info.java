/**
 * Grades of record: made once per student and exercise when the student's submissions close (the
 * final submission graded again with the hidden tests, late penalty applied), overridden by staff
 * with an audit trail, regraded, released; the gradebook grid and its CSV, analytics and the
 * pseudonymous leaderboard.
 */
package org.pruninglab.gradebook;
