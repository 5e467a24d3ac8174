package org.pruninglab.grading.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;

/**
 * Writes signed protocol lines, in order, each in one write, to the harness's own channel: a socket
 * student code cannot open (unlike the JVM's standard output and error, which a process can reopen
 * through /proc or /dev/stdout when it runs as the same user).
 */
final class SignedChannel {

  private final Mac mac;
  private final OutputStream out;
  private long seq;
  private boolean broken;

  SignedChannel(Mac mac, OutputStream out) {
    this.mac = mac;
    this.out = out;
  }

  synchronized void send(String json) {
    if (broken) {
      return;
    }
    byte[] line = (ProtocolLine.sign(mac, seq++, json) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      out.write(line);
      out.flush();
    } catch (IOException e) {
      // The trusted side went away (the run was stopped); nothing more can be reported.
      broken = true;
    }
  }
}
