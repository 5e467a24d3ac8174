package org.pruninglab.grading.harness;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.pruninglab.labkit.fixtures.FixtureBuilders;

/**
 * Run by the trusted side, outside any sandbox, in its own JVM: {@code PrepareFixtures FOLDER
 * NAME...} builds the named fixtures of {@link FixtureBuilders} (and what they need) that FOLDER
 * lacks — the ones the loaded packs declare — or, with {@code --all}, every fixture there is (the
 * mutation profile, which runs every pack's tests). Deterministic for the seeds, so every node
 * builds the same files.
 */
public final class PrepareFixtures {

  private PrepareFixtures() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    List<String> names = Arrays.asList(args).subList(1, args.length);
    if (names.equals(List.of("--all"))) {
      names = FixtureBuilders.all().stream().map(f -> f.name()).toList();
    }
    FixtureBuilders.build(folder, names);
    System.out.println("fixtures ready in " + folder);
  }
}
