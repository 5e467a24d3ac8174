package org.pruninglab.grading.harness;

import java.io.PrintStream;
import javax.crypto.Mac;

/** Writes signed protocol lines to the real standard output, in order. */
final class SignedChannel {

  private final Mac mac;
  private final PrintStream out;
  private long seq;

  SignedChannel(Mac mac, PrintStream out) {
    this.mac = mac;
    this.out = out;
  }

  synchronized void send(String json) {
    out.println(ProtocolLine.sign(mac, seq++, json));
    out.flush();
  }
}
