package org.pruninglab.grading;

import java.nio.file.Path;
import java.util.List;
import org.pruninglab.compile.SourceCompiler;
import org.pruninglab.exercise.ExerciseCatalog;

/**
 * The grading side put together from a {@link EngineSettings}: sandbox class path and engine cache
 * prepared, bubblewrap checked, the exercise catalog loaded and the fixtures its packs declare
 * built. When bubblewrap cannot run here and unsafe local mode is off, {@link #refusal()} says why
 * and nothing is graded.
 */
public final class GradingEngine {

  private final EngineSettings config;
  private final ExerciseCatalog catalog;
  private final Grader grader;
  private final String refusal;

  private GradingEngine(
      EngineSettings config, ExerciseCatalog catalog, Grader grader, String refusal) {
    this.config = config;
    this.catalog = catalog;
    this.grader = grader;
    this.refusal = refusal;
  }

  public static GradingEngine start(EngineSettings config) {
    SandboxClasspath cp = SandboxPreparation.prepare(config.sandboxDir());
    SandboxSettings settings =
        SandboxSettings.forThisHost(
            config.bwrap(), config.threads(), config.fashionMnistDir(), config.unsafeLocal());
    Path jobs = jobsFolder(config);
    String problem = config.unsafeLocal() ? null : SandboxPreparation.preflight(settings);
    if (problem == null && settings.dropToUser()) {
      problem = SandboxPreparation.reachableBySandboxUser(List.of(cp.folder(), jobs));
    }
    Path archive = problem == null ? SandboxPreparation.prepareArchive(settings, cp) : null;
    SourceCompiler compiler = new SourceCompiler(cp.entries());
    ExerciseCatalog catalog =
        new ExerciseCatalog(
            config.exercisesDir(), config.graderDir(), config.workDir().resolve("packs"), compiler);
    catalog.reload();
    // Built now, not at a first grading, for the packs offered at start (later ones: when graded).
    SandboxPreparation.prepareFixtures(
        cp,
        catalog.all().stream().flatMap(e -> e.metadata().fixtures().stream()).distinct().toList());
    Grader grader = new Grader(compiler, new Sandbox(settings, cp, archive), jobs);
    return new GradingEngine(config, catalog, grader, problem);
  }

  /** The catalog the engine loaded, which the app offers as its one {@code ExerciseCatalog}. */
  public ExerciseCatalog exercises() {
    return catalog;
  }

  /** The grader, or an exception with the refusal when untrusted code may not run here. */
  public Grader grader() {
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
    return grader;
  }

  /** Why grading is refused on this host, or null. */
  public String refusal() {
    return refusal;
  }

  public boolean unsafeLocal() {
    return config.unsafeLocal();
  }

  /** Job folders live beside the sandbox class path: both must be reachable by the sandbox. */
  static Path jobsFolder(EngineSettings config) {
    return config.sandboxDir().resolveSibling("jobs");
  }
}
