package org.pruninglab.grading;

import java.nio.file.Path;
import org.pruninglab.base.LabProperties;
import org.pruninglab.exercise.ExerciseCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The grading engine as a bean: prepared once at start-up; a refusal is logged loudly. */
@Configuration
@EnableScheduling
class GradingEngineBeans {

  private static final Logger LOG = LoggerFactory.getLogger(GradingEngineBeans.class);

  @Bean
  GradingEngine gradingEngine(GradingProperties grading, LabProperties lab) {
    Path fashionMnist =
        Path.of(
            System.getProperty("lab.data.fashion-mnist-dir", "/usr/share/datasets/fashion-mnist"));
    GradingEngine engine =
        GradingEngine.start(grading.toEngineSettings(lab.dataDir(), fashionMnist));
    if (engine.refusal() != null) {
      LOG.error("Grading is refused on this host: {}", engine.refusal());
    }
    if (engine.unsafeLocal()) {
      LOG.warn("UNSAFE LOCAL MODE: student code runs without a sandbox");
    }
    engine
        .exercises()
        .problems()
        .forEach(
            (id, why) -> LOG.error("The exercise pack {} is broken and not offered: {}", id, why));
    return engine;
  }

  /**
   * The one exercise catalog every feature asks, loaded by the engine: compiling a pack's tests
   * needs the sandbox's class path, which the engine prepares.
   */
  @Bean
  ExerciseCatalog exerciseCatalog(GradingEngine engine) {
    return engine.exercises();
  }
}
