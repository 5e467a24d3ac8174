/**
 * The student's workspace: drafts saved on the server with versions (two tabs never silently
 * overwrite each other) and a history of replaced drafts, and what the student's pages read — the
 * exercises with status and deadline, one exercise's page, and results with visibility applied.
 */
package org.pruninglab.workspace;
