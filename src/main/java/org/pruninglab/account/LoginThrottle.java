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
 * Counts failed sign-ins per username, per username and client address, and per client address, and
 * refuses further tries for a while once one of them reaches its limit (see {@link
 * AccountProperties.Login}). Usernames that do not exist are counted like any other, so the
 * throttle reveals nothing about which accounts exist. Without an address (HTTP basic) only the
 * username's count applies.
 */
@Component
public class LoginThrottle {

  /** Above this many tracked keys, expired ones are swept so memory stays bounded. */
  private static final int SWEEP_ABOVE = 10_000;

  private final Clock clock;
  private final AccountProperties.Login settings;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, AccountProperties properties) {
    this.clock = clock;
    this.settings = properties.login();
  }

  /**
   * How long the caller must still wait, if tries for this username (from this address; null: any)
   * are refused.
   */
  public Optional<Duration> refusedFor(String username, String address) {
    Instant now = clock.instant();
    Duration wait = waitFor(userKey(username), now);
    if (address != null) {
      wait = max(wait, waitFor(userAddressKey(username, address), now));
      wait = max(wait, waitFor(addressKey(address), now));
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** Counts a failure for the username and, with an address, for the pair and the address. */
  public void recordFailure(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > SWEEP_ABOVE) {
      failures.values().removeIf(f -> f.isExpired(now, settings));
    }
    count(userKey(username), settings.maxFailuresPerAccount(), now);
    if (address != null) {
      count(userAddressKey(username, address), settings.maxFailuresPerAccountAndAddress(), now);
      count(addressKey(address), settings.maxFailuresPerAddress(), now);
    }
  }

  /**
   * A successful sign-in clears the username's counts (not the address's: a room full of students
   * signing in must not wipe out a guesser's failures from the same address).
   */
  public void recordSuccess(String username, String address) {
    failures.remove(userKey(username));
    if (address != null) {
      failures.remove(userAddressKey(username, address));
    }
  }

  private void count(String key, int limit, Instant now) {
    failures.computeIfAbsent(key, k -> new Failures()).add(now, limit, settings);
  }

  private Duration waitFor(String key, Instant now) {
    Failures f = key == null ? null : failures.get(key);
    return f == null ? Duration.ZERO : f.waitFor(now);
  }

  private static String userKey(String username) {
    return "user:" + AccountDetails.normaliseUsername(username);
  }

  private static String userAddressKey(String username, String address) {
    return "pair:" + address + "/" + AccountDetails.normaliseUsername(username);
  }

  private static String addressKey(String address) {
    return "address:" + address;
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
