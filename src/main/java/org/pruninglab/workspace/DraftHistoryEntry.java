package org.pruninglab.workspace;

import java.time.Instant;

/** A draft that was replaced on purpose, kept for the student to go back to. */
public record DraftHistoryEntry(
    long id, String source, long version, String reason, Instant savedAt) {}
