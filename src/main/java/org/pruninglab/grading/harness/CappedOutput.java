package org.pruninglab.grading.harness;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Collects what tests and student code print, up to a limit; the rest is counted, not kept. */
final class CappedOutput extends OutputStream {

  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final int limit;
  private long dropped;

  CappedOutput(int limit) {
    this.limit = limit;
  }

  @Override
  public synchronized void write(int b) {
    if (kept.size() < limit) {
      kept.write(b);
    } else {
      dropped++;
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    int room = Math.max(0, Math.min(len, limit - kept.size()));
    kept.write(b, off, room);
    dropped += len - room;
  }

  synchronized String text() {
    String s = kept.toString(StandardCharsets.UTF_8);
    return dropped == 0 ? s : s + "\n[… " + dropped + " more bytes of output not kept]";
  }

  synchronized long dropped() {
    return dropped;
  }
}
