/**
 * Staff pages: the gradebook grid, the submission review page and analytics; students' leaderboard.
 */
package org.pruninglab.gradebook.ui;
