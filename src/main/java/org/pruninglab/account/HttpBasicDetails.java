package org.pruninglab.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The details of an HTTP basic sign-in (a metrics scraper at {@code /actuator}), so that the
 * throttle counts its failures per username only: a scraper with a stale password behind the lab
 * room's address must not use up the room's allowance.
 */
final class HttpBasicDetails extends WebAuthenticationDetails {

  HttpBasicDetails(HttpServletRequest request) {
    super(request);
  }
}
