package org.pruninglab.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** The commands' {@code --name value} options. */
final class Options {

  private Options() {}

  /** What is wrong with {@code args}, in one sentence, or null when nothing is. */
  static String problem(List<String> args, Set<String> flags, Set<String> valued) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (valued.contains(a)) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          return a + " needs a value";
        }
        i++;
      } else if (!flags.contains(a)) {
        List<String> known = new ArrayList<>(flags);
        known.addAll(valued);
        Collections.sort(known);
        return "unknown option " + a + "; the options are " + String.join(", ", known);
      }
    }
    return null;
  }

  static String value(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
  }
}
