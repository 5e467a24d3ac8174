/**
 * Submissions: stored before they are queued, graded by the grading queue (db-scheduler on the
 * lab's database, so several nodes can share it), results and pruning metrics stored per
 * submission.
 */
package org.pruninglab.submission;
