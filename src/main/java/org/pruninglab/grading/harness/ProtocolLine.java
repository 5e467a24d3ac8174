package org.pruninglab.grading.harness;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The result protocol shared by the harness and the trusted side: one line per message,
 * {@code @@PLAB <seq> <base64 payload> <hmac>}, where hmac = HMAC-SHA256(secret, seq + " " +
 * payload). A line that does not verify is ordinary output. The sequence number makes dropped or
 * replayed lines detectable.
 */
public final class ProtocolLine {

  public static final String PREFIX = "@@PLAB ";

  private ProtocolLine() {}

  public static Mac mac(byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  public static String sign(Mac mac, long seq, String json) {
    String payload = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return PREFIX + seq + " " + payload + " " + hmac(mac, seq, payload);
  }

  /** The JSON of a verified line with the expected sequence number, or null. */
  public static String verify(Mac mac, long expectedSeq, String line) {
    if (!line.startsWith(PREFIX)) {
      return null;
    }
    String[] parts = line.substring(PREFIX.length()).split(" ", -1);
    if (parts.length != 3 || !parts[0].equals(Long.toString(expectedSeq))) {
      return null;
    }
    byte[] expected = hmacBytes(mac, expectedSeq, parts[1]);
    byte[] given;
    try {
      given = HexFormat.of().parseHex(parts[2]);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!MessageDigest.isEqual(expected, given)) {
      return null;
    }
    try {
      return new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String hmac(Mac mac, long seq, String payload) {
    return HexFormat.of().formatHex(hmacBytes(mac, seq, payload));
  }

  private static byte[] hmacBytes(Mac mac, long seq, String payload) {
    synchronized (mac) {
      return mac.doFinal((seq + " " + payload).getBytes(StandardCharsets.UTF_8));
    }
  }
}
