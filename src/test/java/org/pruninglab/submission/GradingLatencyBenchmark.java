package org.pruninglab.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.pruninglab.LabIntegrationTest;
import org.pruninglab.account.Role;
import org.pruninglab.grading.Timings;
import org.pruninglab.grading.Verdict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not part of the default build (the name matches no test pattern). Run with {@code mvn -B test
 * -Dtest=GradingLatencyBenchmark}: submits each exercise's reference solution through the real
 * service, queue, database and sandbox, one after another, and prints the time from submit to
 * stored result — the first job after start ("cold") and the next ones ("warm") — with where the
 * time goes.
 */
class GradingLatencyBenchmark extends LabIntegrationTest {

  /** {@code -Dbench.warm=N}: warm jobs per exercise; {@code -Dbench.exercise=ID}: only that one. */
  private static final int WARM_RUNS = Integer.getInteger("bench.warm", 20);

  private static final String ONLY = System.getProperty("bench.exercise");

  @Autowired SubmissionService service;
  @Autowired JdbcClient jdbc;
  @Autowired SubmissionRepository repository;
  @Autowired ObjectMapper json;

  @Test
  void submit_to_stored_result() throws Exception {
    ensureAccount("bench", Role.STUDENT);
    signInAs("bench", Role.STUDENT);
    List<String> rows = new ArrayList<>();
    try (var dirs = Files.list(Path.of("exercises"))) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String id = dir.getFileName().toString();
        if (ONLY != null && !ONLY.equals(id)) {
          continue;
        }
        String file = json.readTree(dir.resolve("exercise.json").toFile()).path("file").asText();
        byte[] reference = Files.readAllBytes(Path.of("grader", id, "reference", file));
        Sample cold = run(id, file, reference);
        List<Sample> warm = new ArrayList<>();
        for (int i = 0; i < WARM_RUNS; i++) {
          warm.add(run(id, file, reference));
        }
        rows.add(row(id, "cold (first job after start)", List.of(cold)));
        rows.add(row(id, "warm (" + WARM_RUNS + " jobs)", warm));
      }
    }
    System.out.println();
    System.out.println(
        "| exercise | jobs | median submit→stored (ms) | p95 (ms) | compile | policy"
            + " | JVM start in sandbox | engine load | tests | queue + store |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
  }

  private record Sample(long endToEnd, Timings timings) {}

  private Sample run(String exercise, String file, byte[] source) throws Exception {
    Instant start = Instant.now();
    long id = service.submit(exercise, file, source);
    while (true) {
      var s = repository.find(id).orElseThrow();
      if (s.status() == SubmissionStatus.DONE) {
        long ms = Duration.between(start, Instant.now()).toMillis();
        if (s.result().verdict() != Verdict.OK || s.result().score() != s.result().maxScore()) {
          throw new AssertionError(
              "the reference did not score full marks: " + s.result().summary());
        }
        return new Sample(ms, s.result().grading().timings());
      }
      Thread.sleep(20);
    }
  }

  private static String row(String exercise, String label, List<Sample> samples) {
    long[] e2e = samples.stream().mapToLong(Sample::endToEnd).sorted().toArray();
    return String.format(
        Locale.ROOT,
        "| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d |",
        exercise,
        label,
        percentile(e2e, 50),
        percentile(e2e, 95),
        median(samples, Timings::compile),
        median(samples, Timings::policy),
        median(samples, Timings::sandboxStart),
        median(samples, Timings::engineLoad),
        median(samples, Timings::tests),
        percentile(e2e, 50) - median(samples, Timings::total));
  }

  private static long median(List<Sample> samples, ToLongFunction<Timings> field) {
    long[] v = samples.stream().mapToLong(s -> field.applyAsLong(s.timings())).sorted().toArray();
    return percentile(v, 50);
  }

  private static long percentile(long[] sorted, int p) {
    long[] v = Arrays.copyOf(sorted, sorted.length);
    Arrays.sort(v);
    int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
    return v[Math.max(0, Math.min(v.length - 1, i))];
  }
}
