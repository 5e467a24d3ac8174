package lab;

/** A helper the public and the hidden tests share. */
final class Zeros {

  private Zeros() {}

  static int count(float[] values) {
    int n = 0;
    for (float v : values) {
      n += v == 0f ? 1 : 0;
    }
    return n;
  }

  static double fraction(float[] values) {
    return values.length == 0 ? 0 : (double) count(values) / values.length;
  }
}
