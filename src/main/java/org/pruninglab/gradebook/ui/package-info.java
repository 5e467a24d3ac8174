/** The students' pseudonymous leaderboard. */
package org.pruninglab.gradebook.ui;
