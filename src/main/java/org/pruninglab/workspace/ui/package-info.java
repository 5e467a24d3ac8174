/**
 * The students' pages: the exercises list, one exercise's editor with its results and pictures, my
 * submissions and the pseudonymous leaderboard; small view parts (badges, formats) that staff pages
 * reuse.
 */
package org.pruninglab.workspace.ui;
