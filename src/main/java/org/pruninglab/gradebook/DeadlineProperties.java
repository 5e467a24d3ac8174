package org.pruninglab.gradebook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code lab.deadlines.*}.
 *
 * @param sweepInterval how often the autograder looks for students whose submissions have closed
 *     (it also looks once at start, for deadlines that passed while the lab was down)
 * @param autograde whether this node runs the autograder at all
 */
@ConfigurationProperties("lab.deadlines")
public record DeadlineProperties(
    @DefaultValue("30s") Duration sweepInterval, @DefaultValue("true") boolean autograde) {

  public DeadlineProperties {
    if (sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new IllegalArgumentException("lab.deadlines.sweep-interval must be positive");
    }
  }
}
