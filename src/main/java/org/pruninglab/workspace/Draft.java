package org.pruninglab.workspace;

import java.time.Instant;

/**
 * A student's current text for an exercise.
 *
 * @param version 0 for the starter code never saved; then 1, 2, … per save
 * @param updatedAt when it was last saved (null for the unsaved starter)
 */
public record Draft(String exerciseId, String source, long version, Instant updatedAt) {}
