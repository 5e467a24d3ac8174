package org.pruninglab.grading.harness;

import java.nio.file.Path;
import java.util.Arrays;
import org.pruninglab.labkit.fixtures.FixtureBuilders;

/**
 * Run by the trusted side, outside any sandbox, in its own JVM: {@code PrepareFixtures FOLDER
 * NAME...} builds the named fixtures of {@link FixtureBuilders} (and what they need) that FOLDER
 * lacks — the ones the loaded packs declare. Deterministic for the seeds, so every node builds the
 * same files.
 */
public final class PrepareFixtures {

  private PrepareFixtures() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    FixtureBuilders.build(folder, Arrays.asList(args).subList(1, args.length));
    System.out.println("fixtures ready in " + folder);
  }
}
