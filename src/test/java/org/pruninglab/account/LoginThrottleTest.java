package org.pruninglab.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
  private final LoginThrottle throttle =
      new LoginThrottle(
          clock,
          new AccountProperties(
              new AccountProperties.Bootstrap("instructor", "I", "i@example.org", ""),
              new AccountProperties.Login(3, 6, 12, Duration.ofMinutes(15), Duration.ofMinutes(10)),
              new AccountProperties.Roster(100, 10_000),
              10));

  @Test
  void tries_are_refused_after_the_allowed_number_of_failures_for_the_lockout_period() {
    for (int i = 0; i < 2; i++) {
      throttle.recordFailure("alice", "10.0.0.1");
      assertThat(throttle.refusedFor("alice", "10.0.0.1")).isEmpty();
    }
    throttle.recordFailure("alice", "10.0.0.1");

    assertThat(throttle.refusedFor("alice", "10.0.0.1")).contains(Duration.ofMinutes(10));
    assertThat(throttle.refusedFor("alice", "10.0.0.2")).as("elsewhere").isEmpty();
    assertThat(throttle.refusedFor("bob", "10.0.0.1")).as("a neighbour").isEmpty();
    clock.advance(Duration.ofMinutes(9));
    assertThat(throttle.refusedFor("alice", "10.0.0.1")).contains(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.refusedFor("alice", "10.0.0.1")).isEmpty();
  }

  @Test
  void one_username_guessed_from_many_addresses_is_refused_everywhere() {
    for (int i = 0; i < 6; i++) {
      throttle.recordFailure("alice", "10.0.1." + i);
    }

    assertThat(throttle.refusedFor("alice", "10.0.2.1")).isPresent();
    assertThat(throttle.refusedFor("alice", null)).isPresent();
  }

  @Test
  void without_an_address_failures_count_for_the_username_only() {
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure("scraper", null);
    }
    assertThat(throttle.refusedFor("scraper", "10.0.0.1")).isEmpty();
    throttle.recordFailure("scraper", null);
    assertThat(throttle.refusedFor("scraper", "10.0.0.1")).isPresent();
  }

  @Test
  void usernames_are_throttled_case_insensitively_whether_or_not_they_exist() {
    throttle.recordFailure("No-Such-User", "10.0.0.1");
    throttle.recordFailure("no-such-user", "10.0.0.1");
    throttle.recordFailure(" NO-SUCH-USER ", "10.0.0.1");

    assertThat(throttle.refusedFor("no-such-user", "10.0.0.1")).isPresent();
  }

  @Test
  void failures_older_than_the_window_do_not_count() {
    throttle.recordFailure("bob", null);
    throttle.recordFailure("bob", null);
    clock.advance(Duration.ofMinutes(16));
    throttle.recordFailure("bob", null);

    assertThat(throttle.refusedFor("bob", null)).isEmpty();
  }

  @Test
  void a_successful_sign_in_clears_the_count_of_its_username() {
    throttle.recordFailure("chen", "10.0.0.1");
    throttle.recordFailure("chen", "10.0.0.1");
    throttle.recordSuccess("chen", "10.0.0.1");
    throttle.recordFailure("chen", "10.0.0.1");

    assertThat(throttle.refusedFor("chen", "10.0.0.1")).isEmpty();
  }

  @Test
  void one_address_guessing_many_usernames_is_refused_at_its_ceiling() {
    for (int i = 0; i < 12; i++) {
      throttle.recordFailure("user" + i, "192.0.2.7");
    }

    assertThat(throttle.refusedFor("someone-else", "192.0.2.7")).isPresent();
    assertThat(throttle.refusedFor("someone-else", "192.0.2.8")).isEmpty();
  }
}
