package org.pruninglab.submission;

import java.time.Instant;
import java.util.Map;

/**
 * The stored outcome of grading a submission.
 *
 * @param resultJson the full result, as the grade command prints it
 * @param metrics the pruning results the tests recorded, by name
 */
public record StoredResult(
    String verdict,
    double score,
    double maxScore,
    String summary,
    String resultJson,
    long totalMillis,
    Instant finishedAt,
    Map<String, Object> metrics) {}
