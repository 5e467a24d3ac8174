package org.pruninglab.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.pruninglab.grading.GradingProgress.Phase;
import org.pruninglab.grading.GradingProperties;
import org.pruninglab.submission.GradingEvents;
import org.pruninglab.submission.GradingJobs;
import org.pruninglab.submission.GradingUpdate;
import org.pruninglab.submission.PhaseReached;
import org.pruninglab.submission.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings the progress of jobs that other processes grade to the pages open in this one: once a
 * second it reads the phases stored since its last look and publishes those that a worker elsewhere
 * reached (this process publishes its own jobs' phases as it grades them). Only a web node does
 * this; a worker shows no pages.
 */
@Component
class RemoteProgressRelay {

  /** Phases may be stored with a little delay or clock skew between hosts; look back this far. */
  private static final Duration OVERLAP = Duration.ofSeconds(10);

  private static final int REMEMBERED = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(RemoteProgressRelay.class);

  private final GradingEvents events;
  private final GradingJobs jobs;
  private final WorkerIdentity identity;
  private final boolean web;
  private final LinkedHashSet<String> seen = new LinkedHashSet<>();
  private Instant since;

  RemoteProgressRelay(
      GradingEvents events,
      GradingJobs jobs,
      WorkerIdentity identity,
      GradingProperties properties,
      Clock clock) {
    this.events = events;
    this.jobs = jobs;
    this.identity = identity;
    this.web = properties.role().equals("web");
    this.since = clock.instant();
  }

  /** The finished job with its result, read once here for every page that shows it. */
  private Submission stored(long id) {
    try {
      return jobs.find(id).filter(s -> s.result() != null).orElse(null);
    } catch (RuntimeException e) {
      LOG.debug("Could not read the result of submission {}", id, e);
      return null; // the page reads it itself
    }
  }

  @Scheduled(fixedDelayString = "1s", initialDelayString = "1s")
  synchronized void relay() {
    if (!web) {
      return;
    }
    List<PhaseReached> rows;
    try {
      rows = jobs.phasesAfter(since.minus(OVERLAP));
    } catch (RuntimeException e) {
      LOG.debug("Could not read grading progress from the database", e);
      return;
    }
    for (PhaseReached r : rows) {
      if (r.at().isAfter(since)) {
        since = r.at();
      }
      if (!seen.add(r.submissionId() + "/" + r.phase())) {
        continue;
      }
      if (seen.size() > REMEMBERED) {
        var oldest = seen.iterator();
        oldest.next();
        oldest.remove();
      }
      if (r.worker() != null && !r.worker().equals(identity.id())) {
        events.publish(
            new GradingUpdate(
                r.submissionId(),
                r.accountId(),
                r.exerciseId(),
                r.phase(),
                0,
                0,
                r.at(),
                r.phase() == Phase.DONE ? stored(r.submissionId()) : null));
      }
    }
  }
}
