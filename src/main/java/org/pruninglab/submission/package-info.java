/**
 * Submissions: stored before they are queued, their typed results (the result store, the only code
 * that reads and writes them) and pruning metrics; jobs go to the grading backend through {@link
 * org.pruninglab.submission.JobQueue}, which the backend implements.
 */
package org.pruninglab.submission;
