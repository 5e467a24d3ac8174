package org.pruninglab.grading.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the trusted side asks of one sandbox JVM, read from standard input after the secret, one
 * item a line: {@code seconds <per-test limit>}, {@code student <class> …} (the student's classes,
 * the only ones a failure message may point into), and {@code test <unique id>} or {@code class
 * <name>} for each thing to run, in order.
 */
record Job(
    int perTestSeconds, Set<String> studentClasses, List<String> tests, List<String> classes) {

  static Job read(BufferedReader in) throws IOException {
    int seconds = 30;
    Set<String> student = new HashSet<>();
    List<String> tests = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
      int space = line.indexOf(' ');
      String word = space < 0 ? line : line.substring(0, space);
      String rest = space < 0 ? "" : line.substring(space + 1);
      switch (word) {
        case "seconds" -> seconds = Integer.parseInt(rest.trim());
        case "student" -> student.addAll(List.of(rest.trim().split(" +")));
        case "test" -> tests.add(rest);
        case "class" -> classes.add(rest.trim());
        default -> throw new IOException("unknown job line: " + word);
      }
    }
    return new Job(seconds, Set.copyOf(student), List.copyOf(tests), List.copyOf(classes));
  }
}
