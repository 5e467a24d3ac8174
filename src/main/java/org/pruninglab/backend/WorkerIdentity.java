package org.pruninglab.backend;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.pruninglab.grading.GradingProperties;
import org.springframework.stereotype.Component;

/**
 * This process's name among the grading workers: host, process id and role, at most 50 characters
 * (the job library stores it with each job it picks).
 */
@Component
class WorkerIdentity {

  private final String host;
  private final String id;

  WorkerIdentity(GradingProperties properties) {
    this.host = hostName();
    String suffix = "-" + ProcessHandle.current().pid() + "-" + properties.role();
    String shortHost =
        host.length() > 50 - suffix.length() ? host.substring(0, 50 - suffix.length()) : host;
    this.id = shortHost + suffix;
  }

  String id() {
    return id;
  }

  String host() {
    return host;
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
