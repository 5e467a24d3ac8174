package org.pruninglab.grading;

import java.nio.file.Path;
import java.util.List;

/**
 * The grading side put together from a {@link GradingConfig}: sandbox class path and engine cache
 * prepared, bubblewrap checked, packs loaded. When bubblewrap cannot run here and unsafe local mode
 * is off, {@link #refusal()} says why and nothing is graded.
 */
public final class GradingEngine {

  private final GradingConfig config;
  private final PackCatalog catalog;
  private final Grader grader;
  private final String refusal;

  private GradingEngine(GradingConfig config, PackCatalog catalog, Grader grader, String refusal) {
    this.config = config;
    this.catalog = catalog;
    this.grader = grader;
    this.refusal = refusal;
  }

  public static GradingEngine start(GradingConfig config) {
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
    PackCatalog catalog = new PackCatalog(config, compiler);
    catalog.reload();
    Grader grader = new Grader(compiler, new Sandbox(settings, cp, archive), jobs);
    return new GradingEngine(config, catalog, grader, problem);
  }

  public PackCatalog catalog() {
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
  static Path jobsFolder(GradingConfig config) {
    return config.sandboxDir().resolveSibling("jobs");
  }

  List<String> packIds() {
    return List.copyOf(catalog.packs().keySet());
  }
}
