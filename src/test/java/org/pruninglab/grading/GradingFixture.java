package org.pruninglab.grading;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.pruninglab.Environment;
import org.pruninglab.Environment.Need;
import org.pruninglab.compile.SourceCompiler;
import org.pruninglab.exercise.GradingPack;
import org.pruninglab.exercise.PackLoader;

/**
 * The real grading pipeline for tests, built once per test JVM: the sandbox class path and engine
 * cache under {@code target/}, bubblewrap, and the packs of this repository.
 */
public final class GradingFixture {

  private static GradingFixture instance;

  public final SandboxClasspath classpath;
  public final Sandbox sandbox;

  /** The class-data archive the sandbox maps (null where it could not be made). */
  public final Path archive;

  public final SourceCompiler compiler;
  public final Grader grader;

  /** The same pipeline without the policy check: what the sandbox alone must contain. */
  public final Grader unchecked;

  /**
   * As {@link #unchecked}, with the sandbox as the service's own user, as it runs where the service
   * is not root (here, root without the switch to nobody): the sandbox may then reopen what the
   * service opened for it, such as its standard streams.
   */
  public final Grader uncheckedAsServiceUser;

  private final Sandbox sandboxAsServiceUser;

  private final PackLoader loader;
  private final Map<String, GradingPack> packs = new HashMap<>();

  private GradingFixture() {
    Path work = Path.of("target", "grading").toAbsolutePath();
    classpath = SandboxPreparation.prepare(work.resolve("sandbox"));
    // Test classes say @Needs(Need.SANDBOX); this catches one that forgot, with the same message.
    Environment.require(Need.SANDBOX);
    SandboxSettings settings =
        SandboxSettings.forThisHost(
            Environment.BWRAP,
            Integer.getInteger("test.sandbox.threads", 2),
            Environment.FASHION_MNIST,
            false);
    archive = SandboxPreparation.prepareArchive(settings, classpath);
    sandbox = new Sandbox(settings, classpath, archive);
    compiler = new SourceCompiler(classpath.entries());
    grader = grader(work.resolve("jobs"), true, false);
    unchecked = grader(work.resolve("jobs"), false, false);
    SandboxSettings sameUser =
        new SandboxSettings(
            settings.bwrap(),
            false,
            settings.sandboxUid(),
            settings.threads(),
            settings.device(),
            settings.fashionMnistDir(),
            settings.gpuDevices(),
            false);
    sandboxAsServiceUser = new Sandbox(sameUser, classpath, archive);
    uncheckedAsServiceUser = grader(work.resolve("jobs"), false, true);
    loader = new PackLoader(compiler);
  }

  /**
   * A grader of the same pipeline with job folders of its own under {@code jobsRoot}, so that a
   * test can tell its own jobs' folders and processes from those of tests running beside it.
   */
  public Grader grader(Path jobsRoot, boolean policyCheck, boolean asServiceUser) {
    return new Grader(
        compiler, asServiceUser ? sandboxAsServiceUser : sandbox, jobsRoot, policyCheck);
  }

  public static synchronized GradingFixture get() {
    if (instance == null) {
      instance = new GradingFixture();
    }
    return instance;
  }

  public synchronized GradingPack pack(String id) {
    return packs.computeIfAbsent(
        id,
        i ->
            loader.load(
                Path.of("exercises").toAbsolutePath(),
                Path.of("grader").toAbsolutePath(),
                i,
                Path.of("target", "grading", "packs").toAbsolutePath()));
  }
}
