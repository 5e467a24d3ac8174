package org.pruninglab.grading;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Checks on the raw bytes of a submitted file before anything compiles them. */
public final class SourceFile {

  /** Sources larger than this are refused. */
  public static final int MAX_BYTES = 256 * 1024;

  private SourceFile() {}

  /** The decoded text, or a {@link Rejected} with the reason in words. */
  public static String decode(byte[] bytes) {
    if (bytes.length == 0) {
      throw new Rejected("The file is empty.");
    }
    if (bytes.length > MAX_BYTES) {
      throw new Rejected(
          String.format(
              Locale.ROOT,
              "The file is %,d bytes; the limit is %,d bytes (256 KB).",
              bytes.length,
              MAX_BYTES));
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.isBlank()) {
        throw new Rejected("The file holds only white space.");
      }
      if (text.indexOf('\u0000') >= 0) {
        throw new Rejected("The file contains a NUL character; it must be Java source text.");
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      int bad = firstBadByte(bytes);
      int line = 1;
      for (int i = 0; i < bad; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new Rejected(
          String.format(
              Locale.ROOT,
              "The file is not UTF-8 text: byte %d (line %d) is 0x%02X. Save it as UTF-8.",
              bad,
              line,
              bytes[bad] & 0xff));
    }
  }

  private static int firstBadByte(byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : 0;
  }

  /** A submission refused before compiling, with the message the student reads. */
  public static final class Rejected extends RuntimeException {
    public Rejected(String message) {
      super(message);
    }
  }
}
