package org.pruninglab.grading;

import java.nio.charset.StandardCharsets;

/**
 * The last bytes of what a sandbox printed on its standard streams: for logs, never for verdicts.
 */
final class OutputTail {

  private final byte[] ring;
  private long written;

  OutputTail(int size) {
    this.ring = new byte[size];
  }

  synchronized void write(byte[] b, int n) {
    for (int i = Math.max(0, n - ring.length); i < n; i++) {
      ring[(int) (written++ % ring.length)] = b[i];
    }
  }

  synchronized String text() {
    int size = (int) Math.min(written, ring.length);
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      out[i] = ring[(int) ((written - size + i) % ring.length)];
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
