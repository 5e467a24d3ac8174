package org.pruninglab.submission;

import java.time.Instant;
import org.pruninglab.grading.GradingProgress.Phase;

/** When a grading phase of a submission began. */
public record PhaseTime(Phase phase, Instant at) {}
