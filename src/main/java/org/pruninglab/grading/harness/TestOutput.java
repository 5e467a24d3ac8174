package org.pruninglab.grading.harness;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What tests and student code print, kept per test: output written while a test runs belongs to
 * that test (and is shown only where its result may be shown); output outside any test is kept
 * apart. The whole run keeps at most {@code limit} bytes; past that, each test's output ends with a
 * notice of how much was cut. Printing more is never an error.
 */
final class TestOutput extends OutputStream {

  private final int limit;
  private final Map<String, ByteArrayOutputStream> kept = new HashMap<>();
  private final Map<String, Long> dropped = new HashMap<>();
  private int total;
  private String current = "";

  TestOutput(int limit) {
    this.limit = limit;
  }

  /** From now on, output belongs to {@code testId} ("" for outside any test). */
  synchronized void switchTo(String testId) {
    current = testId;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    int room = Math.max(0, Math.min(len, limit - total));
    if (room > 0) {
      kept.computeIfAbsent(current, k -> new ByteArrayOutputStream()).write(b, off, room);
      total += room;
    }
    if (len > room) {
      dropped.merge(current, (long) (len - room), Long::sum);
    }
  }

  @Override
  public void close() {
    // System.out is the harness's: closing it from a test changes nothing.
  }

  /** The output that belongs to {@code testId}, now forgotten; null when it printed nothing. */
  synchronized String take(String testId) {
    ByteArrayOutputStream own = kept.remove(testId);
    Long cut = dropped.remove(testId);
    if (own == null && cut == null) {
      return null;
    }
    String text = own == null ? "" : own.toString(StandardCharsets.UTF_8);
    if (cut != null) {
      text +=
          String.format(
              Locale.ROOT,
              "%n[… %,d more bytes not kept: a run keeps at most %,d KB of output]",
              cut,
              limit / 1024);
    }
    return text;
  }
}
