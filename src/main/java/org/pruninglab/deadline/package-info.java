/**
 * Exercise schedules, late policy, grade release and each student's effective deadline (the pack's,
 * or an extension); owns {@code exercise_schedule}, {@code extension} and {@code
 * grade_release_event}.
 */
package org.pruninglab.deadline;
