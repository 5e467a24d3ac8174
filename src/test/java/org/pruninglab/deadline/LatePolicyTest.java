package org.pruninglab.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatePolicyTest {

  private static final LatePolicy TEN_PER_DAY =
      new LatePolicy(Duration.ofDays(3), Penalty.PER_DAY, 10, AfterLate.PRACTICE);

  @Test
  void on_time_work_is_never_penalised() {
    assertThat(TEN_PER_DAY.factor(Duration.ZERO)).isEqualTo(1);
    assertThat(TEN_PER_DAY.factor(Duration.ofHours(-2))).isEqualTo(1);
  }

  @Test
  void a_penalty_per_day_counts_each_day_started() {
    assertThat(TEN_PER_DAY.factor(Duration.ofSeconds(1))).isCloseTo(0.9, within(1e-12));
    assertThat(TEN_PER_DAY.factor(Duration.ofDays(1))).isCloseTo(0.9, within(1e-12));
    assertThat(TEN_PER_DAY.factor(Duration.ofDays(1).plusSeconds(1))).isCloseTo(0.8, within(1e-12));
    LatePolicy steep = new LatePolicy(Duration.ofDays(30), Penalty.PER_DAY, 40, AfterLate.REFUSE);
    assertThat(steep.factor(Duration.ofDays(5))).as("never below zero").isZero();
  }

  @Test
  void a_fixed_factor_applies_once() {
    LatePolicy half = new LatePolicy(Duration.ofDays(7), Penalty.FACTOR, 50, AfterLate.REFUSE);
    assertThat(half.factor(Duration.ofMinutes(1))).isEqualTo(0.5);
    assertThat(half.factor(Duration.ofDays(6))).isEqualTo(0.5);
  }

  @Test
  void the_policy_is_stated_in_words() {
    assertThat(TEN_PER_DAY.description())
        .isEqualTo(
            "Late submissions count for 3 days after the deadline, with 10 % taken off the score"
                + " per day started. After that, submissions are kept and graded so that you can"
                + " see the result, but they do not count.");
    assertThat(LatePolicy.strict().description()).startsWith("There is no late period");
  }

  @Test
  void effective_deadlines_close_after_their_late_period() {
    var d =
        new EffectiveDeadline(Instant.parse("2026-01-01T00:00:00Z"), false, Duration.ofHours(5));
    assertThat(d.closes()).isEqualTo(Instant.parse("2026-01-01T05:00:00Z"));
    assertThat(d.closed(Instant.parse("2026-01-01T04:59:59Z"))).isFalse();
    assertThat(d.closed(Instant.parse("2026-01-01T05:00:00Z"))).isTrue();
  }
}
