package org.pruninglab.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reloads the packs when anything under the exercises or grader folder changes (checked every few
 * seconds by the newest modification time and the number of files, which also notices deletions). A
 * pack that breaks is taken out with its reason; the others stay offered.
 */
@Component
class PackWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(PackWatcher.class);

  private final ExerciseCatalog catalog;
  private volatile String lastSeen;

  PackWatcher(ExerciseCatalog catalog) {
    this.catalog = catalog;
    this.lastSeen = fingerprint();
  }

  @Scheduled(fixedDelayString = "${lab.grading.pack-check-interval:5s}")
  void reloadIfChanged() {
    String now = fingerprint();
    if (now.equals(lastSeen)) {
      return;
    }
    lastSeen = now;
    Map<String, String> problems = catalog.reload();
    LOG.info(
        "Exercise packs reloaded: {} offered, {} broken", catalog.all().size(), problems.size());
    problems.forEach(
        (id, why) -> LOG.error("The exercise pack {} is broken and not offered: {}", id, why));
  }

  private String fingerprint() {
    long newest = 0;
    long count = 0;
    for (Path root : catalog.folders()) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          count++;
          newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
        }
      } catch (IOException e) {
        return "unreadable:" + e.getMessage();
      }
    }
    return newest + "/" + count;
  }
}
