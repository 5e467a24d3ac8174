package org.pruninglab.compile;

/**
 * A compiler message about the student's file, positioned for the editor.
 *
 * @param line 1-based, 0 when the message is about no line
 * @param column 1-based, 0 when unknown
 * @param severity {@code error} or {@code warning}
 */
public record Diagnostic(long line, long column, String severity, String message) {}
