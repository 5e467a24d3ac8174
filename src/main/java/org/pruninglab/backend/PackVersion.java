package org.pruninglab.backend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.pruninglab.exercise.ExercisePack;

/**
 * Which version of an exercise's tests graded a result: a SHA-256 over what the pack is made of
 * (its id, statement, starter, public and hidden tests, reference), so a result can be traced to
 * the tests that graded it after the pack changed. Every field is length-prefixed, so no two packs
 * hash alike by moving text from one field to the next.
 */
final class PackVersion {

  private PackVersion() {}

  /** The hex SHA-256 of the pack's contents. */
  static String of(ExercisePack pack) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    field(sha, pack.metadata().id());
    field(sha, pack.statement());
    field(sha, pack.starter());
    files(sha, pack.publicTests());
    files(sha, pack.hiddenTests());
    field(sha, pack.reference());
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void files(MessageDigest sha, Map<String, String> files) {
    Map<String, String> sorted = new TreeMap<>(files);
    field(sha, Integer.toString(sorted.size()));
    sorted.forEach(
        (path, source) -> {
          field(sha, path);
          field(sha, source);
        });
  }

  private static void field(MessageDigest sha, String value) {
    byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }
}
