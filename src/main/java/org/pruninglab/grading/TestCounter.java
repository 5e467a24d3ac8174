package org.pruninglab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.pruninglab.exercise.PlannedTest;

/** Counts finished planned tests in the sandbox's lines, for "running test i of n". */
final class TestCounter implements Consumer<String> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> planned = new HashSet<>();
  private final Set<String> finished = new HashSet<>();
  private final GradingProgress progress;
  private final int total;

  TestCounter(List<PlannedTest> plan, GradingProgress progress) {
    plan.forEach(t -> planned.add(t.id()));
    this.total = plan.size();
    this.progress = progress;
  }

  @Override
  public void accept(String line) {
    if (!line.contains("\"result\"")) {
      return;
    }
    try {
      JsonNode n = JSON.readTree(line);
      String id = n.path("id").asText();
      if ("result".equals(n.path("type").asText()) && planned.contains(id) && finished.add(id)) {
        progress.update(GradingProgress.Phase.RUNNING, finished.size(), total);
      }
    } catch (IOException | RuntimeException e) {
      // Progress is a courtesy; the result is assembled from all lines later.
    }
  }
}
