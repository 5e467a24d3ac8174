package org.pruninglab.submission;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Grading progress for the pages open in this process. Every listener hears every update: a page
 * shows its own student's jobs and, when anyone's job moves, refreshes its queue position.
 */
@Component
public class GradingEvents {

  private static final Logger LOG = LoggerFactory.getLogger(GradingEvents.class);

  private final CopyOnWriteArrayList<Consumer<GradingUpdate>> listeners =
      new CopyOnWriteArrayList<>();

  /** Starts listening; run the returned handle to stop (when the page is detached). */
  public Runnable subscribe(Consumer<GradingUpdate> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public void publish(GradingUpdate update) {
    for (Consumer<GradingUpdate> l : listeners) {
      try {
        l.accept(update);
      } catch (RuntimeException e) {
        // A page that went away must not stop the grading thread.
        LOG.debug("A grading listener failed", e);
      }
    }
  }
}
