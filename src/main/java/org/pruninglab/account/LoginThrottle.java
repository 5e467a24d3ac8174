package org.pruninglab.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and per client address and refuses further tries for a while
 * once too many failed. Usernames that do not exist are counted like any other, so the throttle
 * reveals nothing about which accounts exist.
 */
@Component
public class LoginThrottle {

  /** Above this many tracked keys, expired ones are swept so memory stays bounded. */
  private static final int SWEEP_ABOVE = 10_000;

  private static final int ADDRESS_FACTOR = 4;

  private final Clock clock;
  private final AccountProperties.Login settings;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, AccountProperties properties) {
    this.clock = clock;
    this.settings = properties.login();
  }

  /** How long the caller must still wait, if tries for this username or address are refused. */
  public Optional<Duration> refusedFor(String username, String address) {
    Instant now = clock.instant();
    Duration wait = max(waitFor(userKey(username), now), waitFor(addressKey(address), now));
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  public void recordFailure(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > SWEEP_ABOVE) {
      failures.values().removeIf(f -> f.isExpired(now, settings));
    }
    failures
        .computeIfAbsent(userKey(username), k -> new Failures())
        .add(now, settings.maxFailures(), settings);
    if (address != null) {
      failures
          .computeIfAbsent(addressKey(address), k -> new Failures())
          .add(now, settings.maxFailures() * ADDRESS_FACTOR, settings);
    }
  }

  /** A successful sign-in clears the username's count (not the address's). */
  public void recordSuccess(String username) {
    failures.remove(userKey(username));
  }

  private Duration waitFor(String key, Instant now) {
    Failures f = key == null ? null : failures.get(key);
    return f == null ? Duration.ZERO : f.waitFor(now);
  }

  private static String userKey(String username) {
    return "user:" + AccountDetails.normaliseUsername(username);
  }

  private static String addressKey(String address) {
    return address == null ? null : "address:" + address;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Failure times within the window and the end of a running lockout; synchronised per key. */
  private static final class Failures {
    private final Deque<Instant> times = new ArrayDeque<>();
    private Instant lockedUntil = Instant.MIN;

    synchronized void add(Instant now, int limit, AccountProperties.Login settings) {
      prune(now, settings);
      times.addLast(now);
      if (times.size() >= limit) {
        lockedUntil = now.plus(settings.lockout());
        times.clear();
      }
    }

    synchronized Duration waitFor(Instant now) {
      return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
    }

    synchronized boolean isExpired(Instant now, AccountProperties.Login settings) {
      prune(now, settings);
      return times.isEmpty() && !now.isBefore(lockedUntil);
    }

    private void prune(Instant now, AccountProperties.Login settings) {
      Instant horizon = now.minus(settings.window());
      while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
        times.removeFirst();
      }
    }
  }
}
