package org.pruninglab.workspace.ui;

/**
 * Text a submission produced, made safe to show as text: control characters (terminal escapes among
 * them), bidirectional overrides and other invisible format characters become visible escapes such
 * as {@code \x1b} or {@code \u202e}; line breaks and tabs stay. The page shows it as text, never as
 * markup.
 */
public final class VisibleText {

  private VisibleText() {}

  public static String of(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\t') {
        b.append(c);
      } else if (c == '\r') {
        b.append(i + 1 < s.length() && s.charAt(i + 1) == '\n' ? "" : "\\r");
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        b.append(String.format("\\x%02x", (int) c));
      } else if (Character.getType(c) == Character.FORMAT
          || c == 0x2028
          || c == 0x2029
          || Character.isSurrogate(c) && !validPair(s, i)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
