package org.pruninglab.grading.harness;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A JUnit Platform launcher with the Jupiter engine only and nothing found by service loading (no
 * other engines, listeners or filters): the same in the sandbox that runs the tests and on the
 * trusted side that plans them.
 */
public final class JupiterLauncher {

  private JupiterLauncher() {}

  public static Launcher create() {
    return LauncherFactory.create(
        LauncherConfig.builder()
            .enableTestEngineAutoRegistration(false)
            .enableTestExecutionListenerAutoRegistration(false)
            .enableLauncherSessionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false)
            .addTestEngines(new JupiterTestEngine())
            .build());
  }
}
