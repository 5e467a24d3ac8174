package org.pruninglab.workspace;

import java.util.List;
import java.util.Map;
import org.pruninglab.compile.Diagnostic;
import org.pruninglab.compile.PolicyViolation;
import org.pruninglab.grading.RecordedPicture;
import org.pruninglab.grading.Verdict;

/**
 * A graded run as its reader may see it: the tests their visibility allows, the score of those
 * tests only, and sentences that say exactly what ran.
 *
 * @param headline the verdict in plain words, e.g. "All 2 public tests passed."
 * @param withheldNote what is not shown and why, or null when everything is shown
 * @param withheld tests not shown
 * @param output what was printed outside any test: staff only, empty for students
 */
public record ShownResult(
    Verdict verdict,
    String headline,
    String withheldNote,
    double score,
    double maxScore,
    List<ShownTest> tests,
    int withheld,
    List<Diagnostic> diagnostics,
    List<PolicyViolation> violations,
    Map<String, Object> metrics,
    List<RecordedPicture> pictures,
    String output) {}
